"""Python's answers against the protocol's one definition, the JSON Schema."""

import json

import pytest
from jsonschema import Draft202012Validator, ValidationError

import calculator
from calculator import PROTOCOL_VERSION, handle_request
from tests.cases import PARITY_CASES, cpython, fields_of
from tests.protocol import check, check_answer, schema
from tests.unit.test_rules import CALL_DATES, ERRORS


def test_the_schema_is_a_valid_schema():
    Draft202012Validator.check_schema(schema())


def test_python_speaks_the_schemas_version():
    assert schema()["$defs"]["Version"]["const"] == PROTOCOL_VERSION


@pytest.mark.parametrize("case", PARITY_CASES, ids=[case["name"] for case in PARITY_CASES])
def test_parity_answers_are_valid(case):
    answer = cpython(fields_of(case))
    check_answer(answer)
    assert answer["ok"] is not case["name"].startswith("error-")


@pytest.mark.parametrize(("region", "interviewed", "reply", "expected", "call_on"), CALL_DATES)
def test_table_answers_are_valid(region, interviewed, reply, expected, call_on):
    fields = {"interviewed": interviewed, "reply": reply, "region": region, "today": "2026-01-01"}
    answer = cpython({**fields, "dtstamp": "2026-01-01T09:00:00Z", "considering": call_on})
    check_answer(answer)
    assert (answer["plan"]["reply_expected"], answer["plan"]["call_on"]) == (expected, call_on)


@pytest.mark.parametrize(("change", "error", "field"), ERRORS)
def test_error_answers_are_valid(change, error, field):
    base = {"interviewed": "2026-12-17", "reply": "1w", "region": "AU-NSW", "today": "2026-12-18"}
    answer = cpython({**base, **change})
    check_answer(answer)
    assert (answer["error"]["code"], answer["error"]["field"]) == (error.code, field)


def test_a_regions_answer_is_valid():
    check_answer(json.loads(handle_request(json.dumps({"v": PROTOCOL_VERSION, "kind": "regions"}))))


def test_the_schema_refuses_a_plan_missing_its_text():
    answer = cpython(fields_of(PARITY_CASES[0]))
    del answer["plan"]["text"]
    with pytest.raises(ValidationError):
        check_answer(answer)


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        pytest.param(
            "span", "Enter how many days or weeks they said, as a whole number: 1, 2, 10…", id="span"
        ),
        pytest.param("date", "Pick the day they said you would hear by.", id="date"),
    ],
)
def test_a_reply_problem_is_worded_for_the_control_in_use(kind, message):
    answer = cpython(
        {
            "interviewed": "2026-12-17",
            "region": "AU-NSW",
            "today": "2026-12-18",
            "reply": "soon",
            "reply_kind": kind,
        }
    )
    check_answer(answer)
    assert answer["error"]["message"] == message


def test_the_form_choices_are_the_engines():
    for item in calculator.PENDING:
        assert calculator.parse_pending(item.value)[0].code == item.value
    for unit in calculator.REPLY_UNITS:
        assert calculator.parse_reply(f"2{unit.value}").count == 2
    for kind in calculator.REPLY_KINDS:
        check("Fields", {"reply_kind": kind.value})
