"""The calculator's errors: one base class, each error naming the field a reader can fix.

Every error carries ``field`` (the request field to fix, or None), ``message`` (plain
words fit to show a reader) and ``code`` (stable, for programs and tests).
"""

from __future__ import annotations


class CalculatorError(ValueError):
    """Base class of every error the calculator raises on bad input."""

    code = "calculator_error"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class FieldError(CalculatorError):
    """Bad input in one named field; ``message`` is fit to show a reader."""

    code = "bad_field"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field)


class MissingFieldError(FieldError):
    """A field the plan cannot do without was left empty."""

    code = "missing_field"


class InvalidDateError(FieldError):
    """A date that does not exist or is not written as ``YYYY-MM-DD``."""

    code = "invalid_date"


class ReplyNotUnderstoodError(FieldError):
    """The ``reply`` text is not one of the forms the calculator knows."""

    code = "reply_not_understood"


class ReplyBeforeInterviewError(FieldError):
    """The reply date named is before the interview."""

    code = "reply_before_interview"


class SpanTooLongError(FieldError):
    """The reply is more than a year after the interview."""

    code = "span_too_long"


class UnknownRegionError(FieldError):
    """The region code is not in the holiday table; ``suggestions`` holds near matches."""

    code = "unknown_region"

    def __init__(self, field: str, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(field, message)
        self.suggestions = suggestions


class PendingNotUnderstoodError(FieldError):
    """A ``pending`` item is not one the calculator knows."""

    code = "pending_not_understood"


class ChannelNotUnderstoodError(FieldError):
    """The ``channel`` is neither phone nor email."""

    code = "channel_not_understood"


class OutsideTableError(FieldError):
    """A date the plan needs falls outside the years the holiday table covers."""

    code = "outside_holiday_table"


class TextTooLongError(FieldError):
    """An optional text field (a name, the role, the company) is longer than it may be."""

    code = "text_too_long"


class BadRequestError(CalculatorError):
    """The page sent something that is not a request at all (not the reader's doing)."""

    code = "bad_request"
