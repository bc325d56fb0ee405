// Unit tests for the form's state: controls ⇄ fields ⇄ address, with no DOM.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  addressFor,
  asksQuestion,
  controlsFromAddress,
  fieldOfControl,
  fieldsFromControls,
  fitsDateInput,
  replyControls,
} from "../../docs/assets/javascripts/calculator/form-state.js";

/** The choices the built widget offers (the build renders them from the calculator's lists). */
const CHOICES = {
  units: ["d", "w", "bd"],
  pending: ["references", "background", "hr", "more-candidates", "clearance", "recruiter"],
  channels: ["phone", "email"],
  replyKinds: ["span", "date", "eow", "none"],
};

const CONTROLS = {
  interviewed: "2026-12-17",
  replyKind: "span",
  count: " 2 ",
  unit: "w",
  named: "",
  region: " AU-NSW ",
  pending: ["references", "hr"],
  channel: "email",
  considering: "",
  details: { name: "Ada", company: "" },
  missed: false,
};

describe("fitsDateInput", () => {
  for (const [text, fits] of [
    ["2026-12-17", true],
    ["2028-02-29", true],
    ["2026-02-30", false],
    ["2026-2-3", false],
    ["", false],
    ["<b>x</b>", false],
  ]) {
    test(`${JSON.stringify(text)} → ${fits}`, () => assert.equal(fitsDateInput(text), fits));
  }
});

describe("fieldsFromControls", () => {
  test("a span is count and unit, trimmed; pending joined; the reply control named", () => {
    assert.deepEqual(fieldsFromControls(CONTROLS, {}), {
      interviewed: "2026-12-17",
      reply: "2w",
      region: "AU-NSW",
      pending: "references,hr",
      channel: "email",
      considering: "",
      name: "Ada",
      company: "",
      missed: "",
      reply_kind: "span",
    });
  });
  test("a missed date is sent as a ticked box", () => {
    assert.equal(fieldsFromControls({ ...CONTROLS, missed: true }, {}).missed, "yes");
  });
  test("a named day sends the day; eow and none send themselves", () => {
    assert.equal(fieldsFromControls({ ...CONTROLS, replyKind: "date", named: "2026-12-24" }, {}).reply, "2026-12-24");
    assert.equal(fieldsFromControls({ ...CONTROLS, replyKind: "eow" }, {}).reply, "eow");
    assert.equal(fieldsFromControls({ ...CONTROLS, replyKind: "none" }, {}).reply, "none");
  });
  test("values the controls could not hold are sent as they came", () => {
    const fields = fieldsFromControls({ ...CONTROLS, interviewed: "" }, { interviewed: "2026-02-30" });
    assert.equal(fields.interviewed, "2026-02-30");
  });
});

describe("replyControls", () => {
  test("a span fills count and unit", () => {
    assert.deepEqual(replyControls("10bd", CHOICES), {
      controls: { replyKind: "span", count: "10", unit: "bd" },
      carried: null,
    });
  });
  test("a named day the date input cannot hold is carried", () => {
    assert.deepEqual(replyControls("2026-02-30", CHOICES), {
      controls: { replyKind: "date", named: "" },
      carried: "2026-02-30",
    });
  });
  test("words not understood stay in view and are carried", () => {
    assert.deepEqual(replyControls("soon-ish", CHOICES), {
      controls: { replyKind: "span", count: "soon-ish" },
      carried: "soon-ish",
    });
  });
  test("empty means they said nothing", () => {
    assert.deepEqual(replyControls("", CHOICES).controls, { replyKind: "none" });
  });
  test("a unit the markup does not offer is not a span", () => {
    assert.equal(replyControls("3y", CHOICES).carried, "3y");
  });
});

describe("controlsFromAddress", () => {
  test("a whole question fills every control", () => {
    const query = new URLSearchParams(
      "interviewed=2026-12-17&reply=1w&region=AU-NSW&pending=hr,references&channel=email&considering=2026-12-29",
    );
    assert.deepEqual(controlsFromAddress(query, CHOICES), {
      controls: {
        interviewed: "2026-12-17",
        considering: "2026-12-29",
        replyKind: "span",
        count: "1",
        unit: "w",
        region: "AU-NSW",
        pending: ["references", "hr"],
        channel: "email",
      },
      carried: {},
    });
  });
  test("values no control can show are carried, the rest shown", () => {
    const query = new URLSearchParams("interviewed=2026-02-30&pending=hr,ufo&channel=pigeon");
    const { controls, carried } = controlsFromAddress(query, CHOICES);
    assert.deepEqual(controls, { interviewed: "", pending: ["hr"], channel: "" });
    assert.deepEqual(carried, { interviewed: "2026-02-30", pending: "hr,ufo", channel: "pigeon" });
  });
  test("fields the address does not name are left alone", () => {
    assert.deepEqual(controlsFromAddress(new URLSearchParams("region=gb"), CHOICES), {
      controls: { region: "gb" },
      carried: {},
    });
  });
});

describe("addressFor", () => {
  const fields = fieldsFromControls(CONTROLS, {});
  test("sets the address fields, drops empty ones, keeps other parameters and the fragment", () => {
    const href = addressFor("https://x.test/a/?utm=1&considering=2026-01-01#top", fields);
    const url = new URL(href);
    assert.equal(url.searchParams.get("utm"), "1");
    assert.equal(url.searchParams.get("reply"), "2w");
    assert.equal(url.searchParams.has("considering"), false);
    assert.equal(url.searchParams.has("reply_kind"), false, "the control in use is not part of the question");
    assert.equal(url.searchParams.has("name"), false, "the reader's details never go in the address");
    assert.equal(url.href.includes("Ada"), false);
    assert.equal(url.hash, "#top");
  });
  test("returns the same text when nothing changed", () => {
    const href = addressFor("https://x.test/a/", fields);
    assert.equal(addressFor(href, fields), href);
  });
});

test("asksQuestion: any of the form's fields in the address", () => {
  assert.equal(asksQuestion(new URLSearchParams("region=GB")), true);
  assert.equal(asksQuestion(new URLSearchParams("utm=1")), false);
});

test("fieldOfControl: the reply's several controls are one field", () => {
  assert.equal(fieldOfControl("region"), "region");
  assert.equal(fieldOfControl("considering"), "considering");
  for (const name of ["reply-kind", "count", "unit", "named"]) assert.equal(fieldOfControl(name), "reply");
});
