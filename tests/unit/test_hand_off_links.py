"""Hand-off links: mailto, Gmail, Google Calendar, and the query encoding they share."""

from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator._links import MAILTO_LIMIT, gmail, google_calendar, mailto, query_string


@given(st.dictionaries(st.text(), st.text(), max_size=4))
def test_query_string_encodes_as_urllib_does(query):
    assert query_string(query) == urlencode(query, quote_via=quote)


def test_mailto_has_no_address_and_crlf_line_ends():
    link = mailto("Following up: analyst", "Hello Sam,\n\nThank you & more.\n")
    assert link is not None
    assert link.startswith("mailto:?subject=")
    query = parse_qs(urlsplit(link).query)
    assert query["subject"] == ["Following up: analyst"]
    assert query["body"] == ["Hello Sam,\r\n\r\nThank you & more.\r\n"]
    assert "%0D%0A" in link
    assert "+" not in link  # a space is %20: some mail programs read a + as a plus


@given(subject=st.text(max_size=80), body=st.text(max_size=1200))
def test_mailto_is_the_whole_message_under_the_limit_or_not_offered(subject, body):
    crlf = body.replace("\n", "\r\n")
    whole = f"mailto:?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"
    link = mailto(subject, body)
    assert link == (whole if len(whole) < MAILTO_LIMIT else None)
    if link is not None:
        assert unquote(urlsplit(link).query.split("&body=")[1]) == crlf


@pytest.mark.parametrize(
    ("body", "offered"),
    [
        pytest.param("x" * 1700, True, id="ascii-just-under"),
        pytest.param("x" * 1800, False, id="ascii-over"),
        pytest.param("ש" * 300, False, id="hebrew-triples-when-encoded"),
        pytest.param("😀" * 200, False, id="emoji-twelve-characters-each"),
    ],
)
def test_mailto_length_counts_the_encoded_link(body, offered):
    assert (mailto("Hi", body) is not None) is offered


def test_gmail_compose_link():
    url = urlsplit(gmail("Thank you", "Hello,\n\nThanks."))
    assert (url.scheme, url.netloc, url.path) == ("https", "mail.google.com", "/mail/")
    query = parse_qs(url.query)
    assert query == {"view": ["cm"], "fs": ["1"], "su": ["Thank you"], "body": ["Hello,\n\nThanks."]}


def test_google_calendar_link_names_its_zone_only_when_timed():
    whole_day = parse_qs(urlsplit(google_calendar("T", "20261230/20261231", "D")).query)
    assert "ctz" not in whole_day
    timed = parse_qs(urlsplit(google_calendar("T", "x/y", "D", "Australia/Sydney")).query)
    assert timed["ctz"] == ["Australia/Sydney"]
