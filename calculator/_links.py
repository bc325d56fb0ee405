"""Hand-off links: an email to write (``mailto:``, Gmail) and an event to add (Google Calendar).

The links carry what the reader will send or keep, so they are made only for the reader to
follow; the calculator itself never requests them.
"""

from __future__ import annotations

from collections.abc import Mapping

#: ``mailto:`` links near 2,000 characters fail silently in some mail programs (Outlook on
#: Windows): longer ones are not offered, and the page offers Copy instead.
MAILTO_LIMIT = 1800
_GMAIL = "https://mail.google.com/mail/"
_GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
#: RFC 3986's unreserved characters: the only bytes a query value keeps as they are.
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
#: What each byte becomes in a query: itself, or ``%XX``.
_ESCAPES = [chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in range(256)]


def encoded(text: str) -> str:
    """``text`` percent-encoded as UTF-8, every byte but the unreserved ones escaped."""
    # A lookup per byte through map (in C): five times faster than a generator of conditionals.
    return "".join(map(_ESCAPES.__getitem__, text.encode("utf-8")))


def query_string(query: Mapping[str, str]) -> str:
    """``query`` percent-encoded as UTF-8, every byte but the unreserved ones escaped.

    The same text as ``urllib.parse.urlencode(query, quote_via=quote)``, written out here
    because importing ``urllib.parse`` (and the ``ipaddress`` module it pulls in) costs the
    calculator's first answer in the browser about 130 ms.
    """
    return "&".join(f"{encoded(key)}={encoded(value)}" for key, value in query.items())


def mailto(subject: str, body: str) -> str | None:
    """A ``mailto:`` link with no address, the subject and body filled (RFC 6068); None if too long.

    Line ends in the body are sent as CRLF, as RFC 6068 asks.
    """
    return email_links(subject, body)[0]


def gmail(subject: str, body: str) -> str:
    """A Gmail "compose" link with the subject and body filled (undocumented, long stable)."""
    return email_links(subject, body)[1]


def email_links(subject: str, body: str) -> tuple[str | None, str]:
    """:func:`mailto` and :func:`gmail` for one email, its subject and body encoded once for both.

    The ``mailto:`` body's CRLF line ends are the encoded body's ``%0A`` as ``%0D%0A``: an
    escape is the only place a ``%`` can stand in encoded text, so ``%0A`` is always a line end.
    """
    su, text = encoded(subject), encoded(body)
    link = f"mailto:?subject={su}&body={text.replace('%0A', '%0D%0A')}"
    return link if len(link) < MAILTO_LIMIT else None, f"{_GMAIL}?view=cm&fs=1&su={su}&body={text}"


def google_calendar(text: str, dates: str, details: str, zone: str = "") -> str:
    """An "Add to Google Calendar" link (undocumented, long stable).

    Args:
        text: the event's title.
        dates: ``YYYYMMDD/YYYYMMDD`` for a whole day (the end the day after), or
            ``YYYYMMDDTHHMMSSZ/YYYYMMDDTHHMMSSZ`` in UTC.
        details: the event's description.
        zone: the IANA zone to show a timed event in, or "".
    """
    query = {"action": "TEMPLATE", "text": text, "dates": dates, "details": details}
    if zone:
        query["ctz"] = zone
    return f"{_GOOGLE_CALENDAR}?{query_string(query)}"
