"""Errors the views may catch without importing the database layer."""


class ReplicaError(Exception):
    """The replica cannot be used; the message says why in words."""
