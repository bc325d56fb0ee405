"""What to say: the thank-you note, the call, a voicemail, two follow-ups and a last message.

Written for this plan's dates and, where the reader gave them, their name, the interviewer's,
the role and the company; without them each text still reads as a whole (never a blank to
fill in). Facts behind the advice, with their strength: ``shared/research/follow-up-words.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from calculator import _sources
from calculator._dates import written
from calculator._errors import OutsideTableError
from calculator._plan import Plan

#: Working days from the last follow-up to the day to close the loop and let it go: the same
#: week's wait as between the two follow-ups.
LET_GO_WORKING_DAYS = 5
#: A calm speaking pace for a voicemail, in words a minute.
SPOKEN_WORDS_PER_MINUTE = 140
_ARTICLES = ("the ", "a ", "an ")
_JOB_WORDS = (" role", " position", " job")


@dataclass(frozen=True, slots=True)
class Email:
    """One email to send: when, its subject and body, and a tip that is not part of it."""

    kind: str
    send_on: date
    subject: str
    body: str
    tip: str


@dataclass(frozen=True, slots=True)
class CallScript:
    """The call: how to open, what to ask, how to close, and a tip."""

    opening: str
    question: str
    close: str
    tip: str


@dataclass(frozen=True, slots=True)
class Voicemail:
    """A message to leave, and about how long it takes to say at a calm pace."""

    text: str
    seconds: int
    tip: str


@dataclass(frozen=True, slots=True)
class Words:
    """Everything to say, in the order it is needed.

    Attributes:
        missed: whether the texts are worded for an employer that missed its own date.
        thank_you: the thank-you note.
        call: the call script; ``voicemail`` the message if nobody answers.
        follow_up: the first follow-up by email (instead of the call, or after a voicemail).
        second_follow_up: the next and last follow-up, a week later.
        closing: the last message, closing the loop, on ``let_go``.
        let_go: the day to send it and stop.
    """

    missed: bool
    thank_you: Email
    call: CallScript
    voicemail: Voicemail
    follow_up: Email
    second_follow_up: Email
    closing: Email
    let_go: date

    @property
    def emails(self) -> tuple[Email, ...]:
        """The four emails, in the order they are sent."""
        return (self.thank_you, self.follow_up, self.second_follow_up, self.closing)


def let_go_day(plan: Plan) -> date:
    """The day to send the last message and stop: ``LET_GO_WORKING_DAYS`` after the last follow-up.

    Past the holiday table's years, a week after it.
    """
    try:
        return plan.calendar.add_working_days(plan.next_follow_up.day, LET_GO_WORKING_DAYS, "reply")
    except OutsideTableError:
        return plan.next_follow_up.day + timedelta(days=7)


def spoken_seconds(text: str) -> int:
    """About how long ``text`` takes to say at ``SPOKEN_WORDS_PER_MINUTE``."""
    return math.ceil(len(text.split()) * 60 / SPOKEN_WORDS_PER_MINUTE)


def _job(role: str) -> str:
    """The reader's role, without an article or a trailing "role": ``the data analyst`` → ``data analyst``."""
    for article in _ARTICLES:
        if role.lower().startswith(article) and len(role) > len(article):
            role = role[len(article) :]
    for word in _JOB_WORDS:
        if role.lower().endswith(word) and len(role) > len(word):
            role = role[: -len(word)]
    role = role.strip()
    return "" if f" {role.lower()}" in _JOB_WORDS else role


class _Voice:
    """The pieces every text is built from, with the reader's details or without them."""

    def __init__(self, plan: Plan) -> None:
        details = plan.details
        self.plan = plan
        self.me = details.name
        self.them = details.interviewer
        self.job = _job(details.role)
        at = f" at {details.company.rstrip('.')}" if details.company.rstrip(".") else ""
        self.the_role = f"the {self.job} role{at}" if self.job else f"the role{at}"
        self.year = plan.interviewed.year
        self.interview = written(plan.interviewed, self.year)
        self.missed = details.missed and plan.reply.timeline_given
        self.hello = f"Hello {self.them}," if self.them else "Hello,"
        self.regards = f"Kind regards,\n{self.me}" if self.me else "Kind regards"
        self.wishes = f"Best wishes,\n{self.me}" if self.me else "Best wishes"

    def day(self, day: date) -> str:
        return written(day, self.year)

    def subject(self, with_job: str, without: str) -> str:
        return with_job.format(job=self.job) if self.job else without

    def their_date(self) -> str:
        """When they said they would decide: ``within a week``, ``by Friday 18 December``."""
        reply = self.plan.reply
        if reply.kind == "date" and reply.named is not None:
            return f"by {self.day(reply.named)}"
        if reply.kind == "eow":
            return "by the end of that week"
        return f"within {reply.describe()}"

    def email(self, kind: str, send_on: date, subject: str, paragraphs: list[str], tip: str) -> Email:
        body = "\n\n".join([self.hello, *paragraphs])
        return Email(kind, send_on, subject, body, tip)


def _thank_you(voice: _Voice) -> Email:
    plan = voice.plan
    when = "today" if plan.thank_you_by == plan.interviewed else "yesterday"
    subject = voice.subject("Thank you: {job} interview", "Thank you for the interview")
    return voice.email(
        "thank_you",
        plan.thank_you_by,
        subject,
        [
            (
                f"Thank you for taking the time to talk with me {when} about {voice.the_role}. I enjoyed "
                "hearing more about the work and the team, and our conversation has made me even keener "
                "to join you."
            ),
            (
                "If anything else would help you decide, such as references or examples of my work, "
                "I would be glad to send it."
            ),
            "I look forward to hearing from you.",
            voice.regards,
        ],
        "Add one thing from your conversation that stayed with you: it shows you listened, and it "
        "is what makes a note stand out. If several people interviewed you, send each their own.",
    )


def _call(voice: _Voice) -> CallScript:
    greeting = f"Hello {voice.them}" if voice.them else "Hello"
    with_you = " with you" if voice.them else ""
    if voice.me:
        opening = f"{greeting}, this is {voice.me}. We met on {voice.interview} about {voice.the_role}."
    else:
        opening = (
            f"{greeting}. I'm calling about my interview{with_you} on {voice.interview} for {voice.the_role}."
        )
    if voice.missed:
        question = (
            f"When we spoke, you mentioned a decision {voice.their_date()}, so I thought I'd check in. "
            "Is there any news, or a new date I should keep in mind? I'm still very interested in the role."
        )
    else:
        question = (
            "I'm still very interested in the role, and I wanted to ask how things are going. "
            "Do you have a sense of when you'll make a decision?"
        )
    return CallScript(
        opening=f"{opening} Do you have a minute?",
        question=question,
        close="Thank you, that's really helpful. I'll look forward to hearing from you. Have a good day.",
        tip="Keep it to a couple of minutes and don't make your case again. If the answer is no, thank "
        "them and ask what would have made the difference: it may be a no for now, not for good.",
    )


def _voicemail(voice: _Voice) -> Voicemail:
    greeting = f"Hello {voice.them}" if voice.them else "Hello"
    opening = f"{greeting}, this is {voice.me}." if voice.me else f"{greeting}."
    news = (
        f"You'd mentioned a decision {voice.their_date()}, so I'm checking in."
        if voice.missed
        else "I'd love to hear how things are going."
    )
    again = f"Thank you, and again, it's {voice.me}." if voice.me else "Thank you, and have a good day."
    text = " ".join(
        [
            opening,
            f"I'm calling about my interview on {voice.interview} for {voice.the_role}.",
            f"I'm still very keen on the role. {news}",
            "You can reach me on the number I'm calling from, and I'll follow this with a short email.",
            again,
        ]
    )
    return Voicemail(
        text,
        spoken_seconds(text),
        "Speak slowly, and say your number after your name and again at the end: some phone "
        "systems cut a message off at 30 seconds. Leave one voicemail, two at most.",
    )


def _follow_up(voice: _Voice) -> Email:
    plan = voice.plan
    opening = f"I'm writing to follow up on my interview on {voice.interview} for {voice.the_role}."
    if voice.missed:
        paragraphs = [
            (
                f"{opening} You mentioned a decision {voice.their_date()}; I know these things often take "
                "longer than planned, so I wanted to ask whether there is any news, or a new date I should "
                "keep in mind."
            ),
            "I'm still very interested in the role.",
        ]
    else:
        paragraphs = [
            (
                f"{opening} I'm still very interested, and I'd be grateful to hear how things stand, or "
                "when you expect to decide."
            )
        ]
    tip = "Keep it to a few lines. If you called and left a message, send this the same day."
    if plan.advice.method == "recruiter":
        tip += " A recruiter arranged the interview: write to the recruiter first."
    return voice.email(
        "follow_up",
        plan.call_on,
        voice.subject("Following up: {job} interview", "Following up on my interview"),
        [*paragraphs, "Thank you again for your time.", voice.regards],
        tip,
    )


def _second_follow_up(voice: _Voice) -> Email:
    plan = voice.plan
    why = (
        "As the date you mentioned has passed, a short note on where things stand would help me plan"
        if voice.missed
        else "A short note on where things stand would help me a great deal"
    )
    return voice.email(
        "second_follow_up",
        plan.next_follow_up.day,
        voice.subject("Checking in: {job} role", "Checking in about my interview"),
        [
            (
                f"I was in touch on {voice.day(plan.call_on)} about {voice.the_role}, after my interview on "
                f"{voice.interview}. I know you have a lot on, so I'll keep this brief: I'm still "
                f"interested. {why}, even if there is no decision yet."
            ),
            "Thank you.",
            voice.regards,
        ],
        "This is the last follow-up: after it, leave the next move to them.",
    )


def _closing(voice: _Voice, let_go: date) -> Email:
    return voice.email(
        "closing",
        let_go,
        voice.subject("{job} role: closing the loop", "Closing the loop on my application"),
        [
            (
                f"I haven't heard back since I last wrote about {voice.the_role}, so I'll assume you've "
                "decided to go another way, and this will be my last message about it. If I've got that "
                "wrong, a quick reply would be very welcome."
            ),
            (
                f"Thank you for the time you gave me at my interview on {voice.interview}. If things change, "
                "or something similar comes up, I'd be glad to hear from you."
            ),
            voice.wishes,
        ],
        "If you must answer another offer by a set date, say so plainly, with the date: it is the one "
        "thing that may bring a reply. Then stop, and put your energy into what comes next.",
    )


def words(plan: Plan) -> Words:
    """Everything to say for ``plan``, filled with the reader's details where they gave them."""
    voice = _Voice(plan)
    let_go = let_go_day(plan)
    return Words(
        missed=voice.missed,
        thank_you=_thank_you(voice),
        call=_call(voice),
        voicemail=_voicemail(voice),
        follow_up=_follow_up(voice),
        second_follow_up=_second_follow_up(voice),
        closing=_closing(voice, let_go),
        let_go=let_go,
    )


#: Where the advice in the texts comes from, in the order of the texts.
SOURCES = (
    _sources.THANK_YOU,
    "https://press.roberthalf.com/2017-11-20-Thank-You-Notes-Can-Tip-Scale-in-Job-Candidates-Favor-Yet-Few-Write-Them",
    "https://do2learn.1ps.us/JobTIPSstudent/GettingAJob/Interviews/AfterInterview/FollowingUpByPhone.html",
    "https://www.sladegroup.com.au/blog/the-art-of-leaving-a-good-voice-message/",
    "https://intranet.birmingham.ac.uk/as/employability/careers/apply/interviews/after-interview.aspx",
    "https://owl.purdue.edu/owl/job_search_writing/job_search_letters/letters_concerning_employment/follow_up_after_no_response.html",
)
