// Unit tests for the pure helpers of the answer's view, the status line and the region list.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { INITIAL, failed, started } from "../../docs/assets/javascripts/calculator/engine-state.js";
import { guessRegion, regionName } from "../../docs/assets/javascripts/calculator/regions.js";
import { loading, statusLine } from "../../docs/assets/javascripts/calculator/status.js";
import { slotText } from "../../docs/assets/javascripts/calculator/view.js";

const schema = JSON.parse(
  readFileSync(new URL("../../docs/assets/javascripts/calculator/protocol.schema.json", import.meta.url), "utf8"),
);
const widget = readFileSync(new URL("../../build_tools/templates/widget.html", import.meta.url), "utf8");

describe("slotText", () => {
  const text = { call_on: "Wednesday 30 December", countdown: "That’s today." };
  test("a slot gets the plan's sentence for it", () => assert.equal(slotText(text, "countdown"), "That’s today."));
  test("a slot the plan has no text for stays empty", () => assert.equal(slotText(text, "toString"), ""));
  test("every slot in the widget's markup is a sentence the plan carries", () => {
    const slots = [...widget.matchAll(/data-sd-text="([^"]+)"/g)].map((match) => match[1]);
    assert.ok(slots.length >= 5);
    assert.deepEqual(
      slots.filter((slot) => !(slot in schema.$defs.PlanText.properties)),
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

describe("regions", () => {
  const regions = [
    { code: "AU", name: "Australia", zones: [] },
    { code: "AU-NSW", name: "New South Wales, Australia", zones: ["Australia/Sydney"] },
    { code: "GB", name: "United Kingdom", zones: [] },
  ];
  test("the reader's zone suggests its region", () => {
    assert.equal(guessRegion(regions, "Australia/Sydney", "en-GB"), "AU-NSW");
  });
  test("else the country of the reader's language", () => assert.equal(guessRegion(regions, "Asia/Tokyo", "en-GB"), "GB"));
  test("else nothing", () => assert.equal(guessRegion(regions, "Asia/Tokyo", "ja"), ""));
  test("a typed code, any case, is named", () => assert.equal(regionName(regions, " au-nsw "), "New South Wales, Australia"));
});
