"""PIN and password hashing: Argon2id through argon2-cffi, never plain text.

Defaults are argon2-cffi's, i.e. RFC 9106's "low memory" profile (t=3,
m=64 MiB, p=4): about 0.1 s per check on the duty-room machine, which an
officer does not notice and an attacker with a copy of the store file feels.
A 6-digit PIN is still only 10^6 guesses offline, which is why the store file
stays on the workstation and sign-in is rate-limited by the lockout.
Tests pass a cheap profile; hashes carry their own parameters, so a stored
hash made with other parameters still verifies and is re-hashed on the next
successful sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PIN_DIGITS = 6
MIN_PASSWORD_CHARS = 8


class WeakSecret(ValueError):
    """The PIN or password is too short; the message says what is needed."""


@dataclass(frozen=True)
class HashProfile:
    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4

    @staticmethod
    def cheap() -> HashProfile:
        """For tests only: same algorithm, trivial cost."""
        return HashProfile(time_cost=1, memory_kib=1024, parallelism=1)


class SecretHasher:
    def __init__(self, profile: HashProfile | None = None) -> None:
        profile = profile or HashProfile()
        self._hasher = PasswordHasher(time_cost=profile.time_cost,
                                      memory_cost=profile.memory_kib,
                                      parallelism=profile.parallelism)
        self._dummy = self._hasher.hash("not-a-real-secret")

    def hash(self, secret: str) -> str:
        return self._hasher.hash(secret)

    def verify(self, stored: str, secret: str) -> bool:
        try:
            return self._hasher.verify(stored, secret)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def burn(self, secret: str) -> None:
        """Spend the same time as a real check, so unknown names cannot be told apart."""
        self.verify(self._dummy, secret)

    def needs_rehash(self, stored: str) -> bool:
        try:
            return self._hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True


def check_strength(secret: str) -> str:
    """'pin' or 'password'; WeakSecret when too short."""
    if secret.isdigit():
        if len(secret) < MIN_PIN_DIGITS:
            raise WeakSecret(f"a PIN needs at least {MIN_PIN_DIGITS} digits")
        return "pin"
    if len(secret) < MIN_PASSWORD_CHARS:
        raise WeakSecret(f"a password needs at least {MIN_PASSWORD_CHARS} characters")
    return "password"
