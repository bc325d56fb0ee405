// Unit tests for the pure helpers of the answer's view and the status line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { INITIAL, failed, started } from "../../docs/assets/javascripts/calculator/engine-state.js";
import { loading, statusLine } from "../../docs/assets/javascripts/calculator/status.js";
import { slotList, slotText, valueAt } from "../../docs/assets/javascripts/calculator/view.js";

const schema = JSON.parse(
  readFileSync(new URL("../../docs/assets/javascripts/calculator/protocol.schema.json", import.meta.url), "utf8"),
);
const widget = readFileSync(new URL("../../build_tools/templates/widget.html", import.meta.url), "utf8");

/**
 * The schema node a dotted path of the plan leads to, following $refs, or undefined.
 * @param {string} path
 */
function schemaAt(path) {
  /** @type {any} */
  let node = schema.$defs.Plan;
  for (const key of path.split(".")) {
    while (node?.$ref || node?.anyOf) {
      node = node.$ref ? schema.$defs[node.$ref.split("/").pop()] : node.anyOf.find((/** @type {any} */ n) => n.type !== "null");
    }
    node = node?.properties?.[key];
  }
  return node;
}

describe("slots", () => {
  const plan = { text: { countdown: "That’s today." }, law: null, words: { sources: ["https://a.test/", 3] } };
  test("a slot gets the plan's sentence at its path", () => assert.equal(slotText(plan, "text.countdown"), "That’s today."));
  test("a path the plan lacks is empty, never inherited", () => {
    assert.equal(slotText(plan, "text.toString"), "");
    assert.equal(slotText(plan, "law.text"), "");
    assert.equal(valueAt(plan, "law"), null);
  });
  test("a list keeps only its strings", () => assert.deepEqual(slotList(plan, "words.sources"), ["https://a.test/"]));
  test("every slot in the widget's markup is a path the schema's plan has", () => {
    const paths = [...widget.matchAll(/data-sd-(?:text|show|list|links|href)="([^"]+)"/g)].map((match) =>
      match[1].replace("{{ email.key }}", "thank_you"),
    );
    assert.ok(paths.length >= 20);
    assert.deepEqual(
      paths.filter((path) => schemaAt(path) === undefined),
      [],
    );
  });
});

describe("statusLine", () => {
  const downloading = started(INITIAL);
  test("says nothing while the load is quick", () => assert.equal(statusLine(downloading, false), ""));
  test("names the stage once the load is slow", () => assert.equal(statusLine(downloading, true), "Downloading Python…"));
  test("says nothing on failure: the alert speaks", () => assert.equal(statusLine(failed(downloading, "x"), true), ""));
  test("a load is under way only once started", () => {
    assert.equal(loading(INITIAL), false);
    assert.equal(loading(downloading), true);
  });
});

