// Unit tests for My interviews' pure modules: the record and its export file, the lists'
// order, and the protocol's list request.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  byOutcome,
  entries as asked,
  inOrder,
  summaryKey,
  typedInputs,
} from "../../docs/assets/javascripts/calculator/interview-list.js";
import {
  FILE_FORMAT,
  FILE_VERSION,
  exportFile,
  mergeImport,
  readFile,
} from "../../docs/assets/javascripts/calculator/export-file.js";
import { inputsOf, newInterview, sameInterview } from "../../docs/assets/javascripts/calculator/interview-new.js";
import { MAX_LABEL, readInterview } from "../../docs/assets/javascripts/calculator/interview-record.js";
import {
  PROTOCOL_VERSION,
  interviewsAnswer,
  interviewsRequest,
  isToWorker,
  pythonRequest,
} from "../../docs/assets/javascripts/calculator/protocol.js";

const FIELDS = { interviewed: "2026-12-17", reply: "1w", region: "AU-NSW", channel: "phone", reply_kind: "span" };
const NOW = "2026-12-18T09:00:00.000Z";
const LATER = "2026-12-19T09:00:00.000Z";

/**
 * @param {string} id
 * @param {Partial<import("../../docs/assets/javascripts/calculator/interview-record.js").Interview>} [change]
 */
function interview(id, change = {}) {
  return { ...newInterview(FIELDS, "", NOW, id), ...change };
}

/**
 * @param {string} key
 * @param {string} date
 * @param {boolean} overdue
 * @returns {import("../../docs/assets/javascripts/calculator/protocol.js").InterviewSummary}
 */
function planned(key, date, overdue = false) {
  const next = { kind: "wait", date, text: "Wait.", date_text: date, when: "soon", overdue };
  return { key, ok: true, title: "Interview", next: /** @type {any} */ (next) };
}

describe("a saved interview", () => {
  test("keeps the reader's inputs, never their clock or the page's own fields", () => {
    const kept = newInterview({ ...FIELDS, today: "2026-12-18", dtstamp: NOW, uid: "u" }, "", NOW, "a");
    assert.deepEqual(kept.fields, FIELDS);
    assert.deepEqual(inputsOf({ today: "x", considering: "2026-12-29" }), { considering: "2026-12-29" });
  });
  test("keeps its label on one line, trimmed and capped", () => {
    assert.equal(newInterview(FIELDS, "  ACME,\n product   designer ", NOW, "a").label, "ACME, product designer");
    assert.equal(newInterview(FIELDS, "x".repeat(500), NOW, "a").label.length, MAX_LABEL);
  });
  test("is the same as another with the same question and label, whatever their ids", () => {
    assert.equal(sameInterview(interview("a"), interview("b")), true);
    assert.equal(sameInterview(interview("a"), interview("b", { label: "ACME" })), false);
    assert.equal(sameInterview(interview("a"), interview("b", { fields: { ...FIELDS, reply: "2w" } })), false);
    assert.equal(sameInterview(interview("a"), interview("b", { fields: { ...FIELDS, considering: "" } })), true);
  });
  test("is read back with defaults for what an older copy lacks", () => {
    assert.deepEqual(readInterview({ id: "a", fields: FIELDS, saved: NOW }), {
      id: "a",
      label: "",
      fields: FIELDS,
      saved: NOW,
      updated: NOW,
      outcome: "",
    });
    assert.equal(readInterview({ id: "a", fields: FIELDS, outcome: "maybe" })?.outcome, "");
  });
  for (const [name, value] of [
    ["no id", { fields: FIELDS }],
    ["an empty id", { id: "", fields: FIELDS }],
    ["no fields", { id: "a" }],
    ["fields that are not all text", { id: "a", fields: { ...FIELDS, reply: 7 } }],
    ["not an object", "a"],
  ]) {
    test(`is not one with ${name}`, () => assert.equal(readInterview(value), null));
  }
});

describe("the export file", () => {
  test("reads back what it holds", () => {
    const kept = [interview("a", { label: "ACME" }), interview("b", { outcome: "offer" })];
    const text = exportFile(kept, NOW);
    assert.deepEqual(JSON.parse(text).format, FILE_FORMAT);
    assert.deepEqual(JSON.parse(text).version, FILE_VERSION);
    assert.deepEqual(readFile(text), { ok: true, interviews: kept });
  });
  for (const [name, text, said] of [
    ["empty", "  \n", "That file is empty."],
    ["not JSON", "BEGIN:VCALENDAR", "That file is not a My interviews export: it is not JSON."],
    ["another file's JSON", '{"name": "package"}', "That file is not a My interviews export."],
    ["JSON that is no object", "[1, 2]", "That file is not a My interviews export."],
    [
      "another version",
      JSON.stringify({ format: FILE_FORMAT, version: 2, interviews: [] }),
      "That file is in another version of the My interviews format (2); this page reads version 1.",
    ],
    ["no list", JSON.stringify({ format: FILE_FORMAT, version: 1 }), "That file holds no list of interviews."],
    [
      "an entry missing its fields",
      JSON.stringify({ format: FILE_FORMAT, version: 1, interviews: [interview("a"), { id: "b" }] }),
      "Interview 2 in that file is missing its id or its answers.",
    ],
  ]) {
    test(`is refused when ${name}, saying why`, () => assert.deepEqual(readFile(text), { ok: false, message: said }));
  }
});

describe("an import", () => {
  test("adds what is new and nothing twice", () => {
    const here = [interview("a")];
    const merge = mergeImport(here, [interview("a"), interview("b", { label: "B" })]);
    assert.deepEqual(merge, { write: [interview("b", { label: "B" })], added: 1, updated: 0, unchanged: 1 });
    assert.deepEqual(mergeImport([...here, ...merge.write], [interview("a"), interview("b", { label: "B" })]).write, []);
  });
  test("keeps the later copy of one interview", () => {
    const newer = interview("a", { outcome: "no", updated: LATER });
    assert.deepEqual(mergeImport([interview("a")], [newer]), { write: [newer], added: 0, updated: 1, unchanged: 0 });
    assert.deepEqual(mergeImport([newer], [interview("a")]).write, []);
  });
  test("takes the same question with the same label under another id as the same interview", () => {
    assert.deepEqual(mergeImport([interview("a")], [interview("z")]).write, []);
  });
  test("keeps the latest of one interview's copies in the file", () => {
    const newer = interview("a", { outcome: "offer", updated: LATER });
    assert.deepEqual(mergeImport([], [newer, interview("a")]).write, [newer]);
  });
});

describe("the lists", () => {
  test("part those waiting from those heard back about, newest saved first", () => {
    const old = interview("old");
    const fresh = interview("new", { saved: LATER });
    const ended = interview("ended", { outcome: "other" });
    assert.deepEqual(byOutcome([old, ended, fresh]), { waiting: [fresh, old], ended: [ended] });
  });
  test("put overdue steps first, then the soonest, then what cannot be planned, then what is not answered yet", () => {
    const [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map((id) => interview(id));
    const summaries = new Map([
      ["a", planned("a", "2027-01-10")],
      ["b", /** @type {any} */ ({ key: "b", ok: false, error: { field: "region", message: "No.", code: "x" } })],
      ["c", planned("c", "2026-12-30")],
      ["e", planned("e", "2027-01-02", true)],
    ]);
    assert.deepEqual(inOrder([a, b, c, d, e], summaries), [e, c, a, b, d]);
  });
  test("show the reader's own words until Python has written its title", () => {
    assert.equal(typedInputs(FIELDS), "2026-12-17 · AU-NSW");
  });
  test("ask Python again when the day or the inputs change", () => {
    const key = summaryKey(interview("a"), "2026-12-18");
    assert.equal(summaryKey(interview("a", { label: "ACME", outcome: "no" }), "2026-12-18"), key);
    assert.notEqual(summaryKey(interview("a"), "2026-12-19"), key);
    assert.notEqual(summaryKey(interview("a", { fields: { ...FIELDS, reply: "2w" } }), "2026-12-18"), key);
  });
});

describe("the list request", () => {
  const entries = [{ key: "a", fields: FIELDS }];
  const clock = { today: "2026-12-18", tz: "Europe/London" };
  test("is one the worker takes", () => assert.equal(isToWorker(interviewsRequest(1, entries, clock)), true));
  test("asks about each interview's inputs by its id", () => {
    assert.deepEqual(asked([interview("a", { label: "ACME" })]), entries);
  });
  test("for a calendar, gives each one's plan address on the calculator's page, its inputs in the query", () => {
    const [{ fields }] = asked([interview("a")], "https://example.org/site/calculator/");
    assert.equal(fields.link, "https://example.org/site/calculator/?interviewed=2026-12-17&reply=1w&region=AU-NSW&channel=phone");
    assert.deepEqual({ ...fields, link: undefined }, { ...FIELDS, link: undefined });
    assert.equal(isToWorker(interviewsRequest(1, asked([interview("a")], "https://example.org/"), clock)), true);
  });
  test("refuses entries without a key", () => {
    const request = { ...interviewsRequest(1, entries, clock), interviews: [{ fields: FIELDS }] };
    assert.equal(isToWorker(request), false);
  });
  test("goes to Python as the list kind, with the reader's clock and, for a calendar, its stamp", () => {
    const request = JSON.parse(pythonRequest(interviewsRequest(1, entries, { ...clock, dtstamp: NOW })));
    assert.deepEqual(request, { v: PROTOCOL_VERSION, kind: "interviews", interviews: entries, ...clock, dtstamp: NOW });
    const list = JSON.parse(pythonRequest(interviewsRequest(2, entries, { today: "2026-12-18" })));
    assert.deepEqual(list, { v: PROTOCOL_VERSION, kind: "interviews", interviews: entries, today: "2026-12-18" });
  });
  test("narrows Python's answer, and calls any other answer our fault", () => {
    const summary = planned("a", "2026-12-30");
    assert.deepEqual(interviewsAnswer({ v: PROTOCOL_VERSION, ok: true, interviews: [summary] }), {
      ok: true,
      interviews: [summary],
      ics: "",
    });
    const other = interviewsAnswer({ v: PROTOCOL_VERSION, ok: true, regions: [] });
    assert.equal(other.ok === false && other.error.code, "bad_answer");
  });
});
