"""Errors a domain raises without knowing about HTTP; servicekit.problems maps them to responses."""

from typing import Any


class DomainError(Exception):
    pass


class InvalidField(DomainError):
    """Input that is well-formed but breaks a rule; names the field so the caller can fix it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFound(DomainError):
    def __init__(self, what: str, ident: object) -> None:
        super().__init__(f"{what} {ident} not found")


class Forbidden(DomainError):
    """The caller may see the resource but may never do this (a 403); details go in the body."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details = details


class Conflict(DomainError):
    """A state transition or change that the current state does not allow."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details = details
