// Unit tests for the engine's one state value and how each event changes it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { INITIAL, LOAD_FAILED, failed, heard, started } from "../../docs/assets/javascripts/calculator/engine-state.js";
import { fromWorker } from "../../docs/assets/javascripts/calculator/protocol.js";

test("a start goes through its stages to ready, saying how Python started", () => {
  let state = started(INITIAL);
  assert.deepEqual([state.phase, state.stage], ["starting", "downloading"]);
  state = heard(state, fromWorker({ type: "status", stage: "starting" }));
  assert.deepEqual([state.phase, state.stage], ["starting", "starting"]);
  state = heard(state, fromWorker({ type: "status", stage: "ready", start: "snapshot" }));
  assert.deepEqual([state.phase, state.stage, state.start], ["ready", "ready", "snapshot"]);
});

test("a worker that cannot start fails with the reader's message and the detail", () => {
  const state = heard(started(INITIAL), fromWorker({ type: "failed", message: "HTTP 404" }));
  assert.deepEqual([state.phase, state.failure, state.detail], ["failed", LOAD_FAILED, "HTTP 404"]);
});

test("Retry starts afresh: the failure is forgotten, what is known of snapshots kept", () => {
  const broken = failed({ ...INITIAL, snapshot: "kept" }, "It broke.", "why");
  const again = started(broken);
  assert.deepEqual([again.phase, again.failure, again.detail, again.snapshot], ["starting", "", "", "kept"]);
});

test("the snapshot's fate is noted; answers change nothing", () => {
  const ready = heard(started(INITIAL), fromWorker({ type: "status", stage: "ready", start: "fresh" }));
  assert.equal(heard(ready, fromWorker({ type: "snapshot", kept: true })).snapshot, "kept");
  assert.equal(heard(ready, fromWorker({ type: "snapshot", kept: false })).snapshot, "not-kept");
  const answer = fromWorker({ type: "answer", id: 1, answer: JSON.stringify({ v: 2, ok: true, regions: [] }) });
  assert.equal(heard(ready, answer), ready);
});

test("states are new values: the old one is never changed", () => {
  const before = { ...INITIAL };
  started(INITIAL);
  failed(INITIAL, "x");
  assert.deepEqual(INITIAL, before);
});
