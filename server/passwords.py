"""Password hashing with argon2id (OWASP ASVS): operators now, institution accounts later."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when `password` matches; never raises for a wrong or malformed hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _decoy_hash() -> str:
    return _hasher.hash("decoy password that no operator has")


def burn_verification_time(password: str) -> None:
    """Spend as long as a real check, so a wrong username answers no faster than a wrong
    password (which would tell an attacker which usernames exist)."""
    verify_password(_decoy_hash(), password)
