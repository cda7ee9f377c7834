"""Errors the views may catch without importing the database layer."""


class ReplicaError(Exception):
    """The replica cannot be used; the message says why in words."""


class SchemaMismatch(ReplicaError):
    """The replica's schema version is not the one this application reads."""

    def __init__(self, found: str | None, expected: str) -> None:
        self.found = found
        self.expected = expected
        self.newer = found is not None and found > expected
        if self.newer:
            text = (f"replica schema {found} is newer than this application ({expected}): "
                    "update the application")
        else:
            text = (f"replica schema {found} is older than this application ({expected}): "
                    "run 'dutyroom replica migrate'")
        super().__init__(text)

    @property
    def code(self) -> str:
        """For the views: ``schema_newer`` or ``schema_older``."""
        return "schema_newer" if self.newer else "schema_older"
