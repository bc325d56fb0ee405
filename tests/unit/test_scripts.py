"""What to say: every text whole with or without the reader's details, in the site's own words."""

import itertools
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import HolidayTable, plan_from_fields, plan_to_dict
from calculator._scripts import LET_GO_WORKING_DAYS, Words, let_go_day, words
from devtools._overlap import SEED_RUNS_FILE, shared_runs

SEED_RUNS = set((Path(__file__).parents[2] / SEED_RUNS_FILE).read_text(encoding="utf-8").split())
BASE = {"interviewed": "2026-12-17", "region": "AU-NSW", "today": "2026-12-18"}
FULL = {"name": "Alex Chen", "interviewer": "Sam Ortiz", "role": "Data Analyst", "company": "Acme"}
#: Every combination of details given and not, with each reply kind and channel, missed or not.
VARIANTS = [
    {**BASE, **{key: FULL[key] for key in keys}, "reply": reply, "channel": channel, "missed": missed}
    for keys in itertools.chain.from_iterable(itertools.combinations(FULL, n) for n in range(len(FULL) + 1))
    for reply in ("1w", "10bd", "2026-12-23", "eow", "none")
    for channel in ("phone", "email", "")
    for missed in ("", "on")
]


def texts(said: Words) -> list[str]:
    """Every text a reader sees, tips included."""
    call, voicemail = said.call, said.voicemail
    found = [call.opening, call.question, call.close, call.tip, voicemail.text, voicemail.tip]
    for email in said.emails:
        found += [email.subject, email.body, email.tip]
    return found


@pytest.fixture(scope="module")
def all_words(table: HolidayTable) -> list[tuple[dict[str, str], Words]]:
    return [(fields, words(plan_from_fields(fields, table))) for fields in VARIANTS]


def test_no_text_shares_eight_words_with_the_seed_post(all_words):
    for _, said in all_words:
        for text in texts(said):
            assert shared_runs(text, SEED_RUNS) == [], text


def test_no_text_has_a_blank_to_fill_or_a_gap(all_words):
    for fields, said in all_words:
        for text in texts(said):
            assert not re.search(r"[\[\]{}<>]|\bNone\b|\bnull\b|NAME", text), (fields, text)
            assert not re.search(r"  | ,| \.|\(\)|^ | $", text, re.MULTILINE), (fields, text)


def test_details_fill_the_texts_where_given(all_words):
    for fields, said in all_words:
        greeting = "Hello Sam Ortiz," if "interviewer" in fields else "Hello,"
        for email in said.emails:
            assert email.body.startswith(greeting + "\n\n")
            assert email.body.endswith("\nAlex Chen") == ("name" in fields)
            assert ("Data Analyst" in email.subject) == ("role" in fields)
            assert ("at Acme" in email.body) == ("company" in fields)
        assert ("this is Alex Chen" in said.call.opening) == ("name" in fields)
        assert said.voicemail.text.count("Alex Chen") == (2 if "name" in fields else 0)


def test_the_missed_date_wording_needs_a_date_they_gave(all_words):
    for fields, said in all_words:
        assert said.missed == (fields["missed"] == "on" and fields["reply"] != "none")
        mentions = "you mentioned a decision" in said.call.question.lower()
        assert mentions == said.missed
        assert ("You mentioned a decision" in said.follow_up.body) == said.missed
        assert "did I get" not in said.call.question.lower()


@pytest.mark.parametrize(
    ("reply", "phrase"),
    [
        pytest.param("1w", "within a week", id="a-span"),
        pytest.param("10bd", "within 10 working days", id="working-days"),
        pytest.param("2026-12-23", "by Wednesday 23 December", id="a-named-date"),
        pytest.param("eow", "by the end of that week", id="end-of-week"),
    ],
)
def test_the_missed_date_is_the_one_they_gave(table, reply, phrase):
    said = words(plan_from_fields({**BASE, "reply": reply, "missed": "yes"}, table))
    assert f"a decision {phrase}" in said.call.question
    assert f"a decision {phrase}" in said.follow_up.body
    assert f"a decision {phrase}" in said.voicemail.text


def test_voicemail_takes_20_to_30_seconds_spoken(all_words):
    for fields, said in all_words:
        assert 20 <= said.voicemail.seconds <= 30, (fields, said.voicemail.text)


def test_the_emails_go_out_on_the_plans_days(table):
    plan = plan_from_fields({**BASE, "reply": "1w"}, table)
    said = words(plan)
    assert [email.kind for email in said.emails] == ["thank_you", "follow_up", "second_follow_up", "closing"]
    assert [email.send_on for email in said.emails] == [
        plan.thank_you_by,
        plan.call_on,
        plan.next_follow_up.day,
        said.let_go,
    ]
    assert said.let_go == plan.calendar.add_working_days(
        plan.next_follow_up.day, LET_GO_WORKING_DAYS, "reply"
    )
    assert "Wednesday 30 December" in said.second_follow_up.body


def test_the_thank_you_says_today_or_yesterday(table):
    same_day = words(plan_from_fields({**BASE, "reply": "1w"}, table)).thank_you
    next_morning = words(
        plan_from_fields({**BASE, "interviewed": "2026-12-17T17:00", "reply": "1w"}, table)
    ).thank_you
    assert "with me today" in same_day.body
    assert "with me yesterday" in next_morning.body


@pytest.mark.parametrize(
    ("role", "subject"),
    [
        pytest.param("Data Analyst", "Thank you: Data Analyst interview", id="plain"),
        pytest.param("the data analyst role", "Thank you: data analyst interview", id="article-and-role"),
        pytest.param("A Senior Engineer position", "Thank you: Senior Engineer interview", id="position"),
        pytest.param("role", "Thank you for the interview", id="only-the-word"),
        pytest.param("The Job", "Thank you for the interview", id="only-the-words"),
    ],
)
def test_the_role_reads_naturally_however_it_is_typed(table, role, subject):
    said = words(plan_from_fields({**BASE, "reply": "1w", "role": role}, table))
    assert said.thank_you.subject == subject
    assert " role role" not in said.thank_you.body


def test_markup_emoji_and_right_to_left_text_stay_as_typed(table):
    fields = {
        **BASE,
        "reply": "1w",
        "name": "<img src=x onerror=alert(1)>",
        "interviewer": "שרה כהן",
        "company": "Café 😀",
    }
    said = words(plan_from_fields(fields, table))
    assert said.thank_you.body.startswith("Hello שרה כהן,")
    assert said.thank_you.body.endswith("<img src=x onerror=alert(1)>")
    assert "at Café 😀" in said.follow_up.body


def test_each_email_has_mail_links_that_hold_it(table):
    answer = plan_to_dict(plan_from_fields({**BASE, **FULL, "reply": "1w"}, table))
    for kind in ("thank_you", "follow_up", "second_follow_up", "closing"):
        email = answer["words"][kind]
        assert email["mailto"] is not None
        mailto = parse_qs(urlsplit(email["mailto"]).query)
        assert mailto == {"subject": [email["subject"]], "body": [email["body"].replace("\n", "\r\n")]}
        gmail = parse_qs(urlsplit(email["gmail"]).query)
        assert gmail["su"] == [email["subject"]]
        assert gmail["body"] == [email["body"]]
        assert email["send_on_text"]


def test_a_long_message_offers_copy_instead_of_mailto(table):
    long = {"name": "ש" * 60, "interviewer": "😀" * 60, "role": "ש" * 80, "company": "é" * 80}
    answer = plan_to_dict(plan_from_fields({**BASE, **long, "reply": "1w"}, table))
    assert answer["words"]["closing"]["mailto"] is None
    assert answer["words"]["closing"]["gmail"].startswith("https://mail.google.com/")


def test_the_last_message_comes_a_week_after_the_last_follow_up(table):
    plan = plan_from_fields({**BASE, "reply": "1w"}, table)
    # Thu 7 Jan 2027, five working days on: Fri 8, Mon 11, Tue 12, Wed 13, Thu 14 January.
    assert let_go_day(plan).isoformat() == "2027-01-14"


def test_past_the_holiday_table_the_last_message_is_a_week_on(table):
    plan = plan_from_fields(
        {"interviewed": "2028-12-08", "reply": "1w", "region": "AU-NSW", "today": "2028-12-08"}, table
    )
    assert plan.next_follow_up.day.year == 2028
    assert let_go_day(plan).year == 2029
    assert (let_go_day(plan) - plan.next_follow_up.day).days == 7


@settings(max_examples=200, deadline=None)
@given(
    details=st.fixed_dictionaries(
        {},
        optional={
            "name": st.text(max_size=60),
            "interviewer": st.text(max_size=60),
            "role": st.text(max_size=80),
            "company": st.text(max_size=80),
        },
    ),
    missed=st.sampled_from(["", "on"]),
)
def test_any_details_give_whole_texts(table, details, missed):
    said = words(plan_from_fields({**BASE, **details, "reply": "1w", "missed": missed}, table))
    for text in texts(said):
        assert text.strip()
        assert "\x00" not in text
