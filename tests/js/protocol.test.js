// Unit tests for the protocol module: its guards and its one version, against the schema.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  PROTOCOL_VERSION,
  fromWorker,
  isFromWorker,
  isToWorker,
  planAnswer,
  planRequest,
  pythonRequest,
  readAnswer,
} from "../../docs/assets/javascripts/calculator/protocol.js";

const schema = JSON.parse(
  readFileSync(new URL("../../docs/assets/javascripts/calculator/protocol.schema.json", import.meta.url), "utf8"),
);

test("the version is the schema's", () => {
  assert.equal(PROTOCOL_VERSION, schema.$defs.Version.const);
});

describe("isFromWorker", () => {
  for (const message of [
    fromWorker({ type: "status", stage: "downloading" }),
    fromWorker({ type: "status", stage: "ready", start: "snapshot" }),
    fromWorker({ type: "failed", message: "no wasm" }),
    fromWorker({ type: "answer", id: 3, answer: JSON.stringify({ v: PROTOCOL_VERSION, ok: true, regions: [] }) }),
    fromWorker({ type: "snapshot", kept: false }),
  ]) {
    test(`accepts ${message.type}`, () => assert.equal(isFromWorker(message), true));
  }
  for (const [name, message] of [
    ["another version", { v: PROTOCOL_VERSION + 1, type: "status", stage: "ready" }],
    ["an unknown stage", { v: PROTOCOL_VERSION, type: "status", stage: "dancing" }],
    ["an answer without an id", { v: PROTOCOL_VERSION, type: "answer", answer: "{}" }],
    ["an answer as an object, not Python's text", { v: PROTOCOL_VERSION, type: "answer", id: 1, answer: {} }],
    ["an unknown type", { v: PROTOCOL_VERSION, type: "hello" }],
    ["not an object", "status"],
    ["null", null],
  ]) {
    test(`refuses ${name}`, () => assert.equal(isFromWorker(message), false));
  }
});

describe("isToWorker", () => {
  test("accepts the page's request", () => assert.equal(isToWorker(planRequest(1, { region: "GB" })), true));
  test("refuses fields that are not all strings", () => {
    assert.equal(isToWorker({ ...planRequest(1, {}), fields: { region: 3 } }), false);
  });
  test("refuses another version", () => {
    assert.equal(isToWorker({ ...planRequest(1, {}), v: 1 }), false);
  });
});

test("pythonRequest: the request calculator.handle_request reads", () => {
  assert.deepEqual(JSON.parse(pythonRequest(planRequest(1, { region: "GB" }))), {
    v: PROTOCOL_VERSION,
    fields: { region: "GB" },
  });
});

describe("readAnswer", () => {
  test("reads Python's text back into its answer", () => {
    const answer = { v: PROTOCOL_VERSION, ok: false, error: { field: "region", message: "Which region?", code: "x" } };
    assert.deepEqual(readAnswer(JSON.stringify(answer)), answer);
  });
  for (const [name, text] of [
    ["broken JSON", '{"v": 2, "ok": tr'],
    ["JSON that is no answer", "[1, 2]"],
    ["an object without ok", '{"v": 2}'],
  ]) {
    test(`reads ${name} as our fault`, () => {
      const answer = readAnswer(text);
      assert.equal(answer.ok, false);
      assert.equal(!answer.ok && answer.error.code, "bad_answer");
    });
  }
});

describe("planAnswer", () => {
  const problem = { field: "region", message: "Unknown.", code: "unknown_region" };
  test("a plan stays a plan", () => {
    const plan = /** @type {any} */ ({ call_on: "2026-12-30" });
    assert.deepEqual(planAnswer({ v: PROTOCOL_VERSION, ok: true, plan }), { ok: true, plan });
  });
  test("a problem stays the problem", () => {
    assert.deepEqual(planAnswer({ v: PROTOCOL_VERSION, ok: false, error: problem }), { ok: false, error: problem });
  });
  test("an answer that is no plan is our fault, said plainly", () => {
    const answer = planAnswer({ v: PROTOCOL_VERSION, ok: true, regions: [] });
    assert.equal(answer.ok, false);
    assert.equal(answer.ok === false && answer.error.field, null);
  });
});
