"""Second Date's call-date calculator.

Pure date logic: the interview date and what the interviewer said go in, a dated plan
comes out. No clock, no I/O, no browser: ``today`` is always a parameter.
"""

from calculator._browser import handle_request
from calculator._errors import CalculatorError, FieldError
from calculator._plan import Plan, make_plan
from calculator._reply import Reply, parse_reply

__all__ = [
    "CalculatorError",
    "FieldError",
    "Plan",
    "Reply",
    "handle_request",
    "make_plan",
    "parse_reply",
]
