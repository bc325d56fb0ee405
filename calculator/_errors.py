"""The calculator's errors: one base class, each error naming the field a reader can fix."""

from __future__ import annotations


class CalculatorError(ValueError):
    """Base class of every error the calculator raises on bad input."""

    field: str | None = None

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FieldError(CalculatorError):
    """Bad input in one named field; ``message`` is fit to show a reader."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
