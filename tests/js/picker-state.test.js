// The region picker's pure state: listing, moving, choosing, closing (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";

import { CLOSED, announcement, listing, moved, pressed } from "../../docs/assets/javascripts/calculator/picker-state.js";

const OPTIONS = [
  { code: "CA-QC", name: "Quebec, Canada" },
  { code: "AU-QLD", name: "Queensland, Australia" },
  { code: "MX-QUE", name: "Querétaro, Mexico" },
];

test("options arrive listed, none reached, and an empty list stays closed", () => {
  assert.deepEqual(listing(OPTIONS), { open: true, options: OPTIONS, active: -1 });
  assert.equal(listing([]).open, false);
});

test("down and up move round the list", () => {
  const shown = listing(OPTIONS);
  assert.equal(moved(shown, 1).active, 0);
  assert.equal(moved(shown, -1).active, 2);
  assert.equal(moved({ ...shown, active: 2 }, 1).active, 0);
  assert.equal(moved({ ...shown, active: 0 }, -1).active, 2);
  assert.equal(moved(CLOSED, 1), CLOSED);
});

test("enter takes the option reached and closes the list", () => {
  const reached = { ...listing(OPTIONS), active: 1 };
  const { state, chosen, handled } = pressed(reached, "Enter");
  assert.deepEqual([state, chosen, handled], [CLOSED, OPTIONS[1], true]);
});

test("home and end reach the first and the last option once one is reached", () => {
  const reached = { ...listing(OPTIONS), active: 1 };
  assert.equal(pressed(reached, "Home").state.active, 0);
  assert.equal(pressed(reached, "End").state.active, 2);
  assert.equal(pressed(listing(OPTIONS), "Home").handled, false); // the field's cursor moves
  assert.equal(pressed(CLOSED, "End").handled, false);
});

test("enter with no option reached is the form's: it submits", () => {
  assert.equal(pressed(listing(OPTIONS), "Enter").handled, false);
  assert.equal(pressed(CLOSED, "Enter").handled, false);
});

test("escape closes the list and keeps the options for down to reopen", () => {
  const closed = pressed({ ...listing(OPTIONS), active: 1 }, "Escape").state;
  assert.deepEqual([closed.open, closed.active], [false, -1]);
  assert.equal(pressed(closed, "Escape").handled, false); // nothing more to close: the page's
  const reopened = pressed(closed, "ArrowDown").state;
  assert.deepEqual([reopened.open, reopened.active], [true, 0]);
});

test("alt+down opens without moving; arrows with nothing listed are the browser's", () => {
  const closed = { ...listing(OPTIONS), open: false };
  assert.deepEqual(pressed(closed, "ArrowDown", true).state, { ...closed, open: true });
  assert.equal(pressed(CLOSED, "ArrowDown").handled, false);
  assert.equal(pressed(CLOSED, "ArrowUp").handled, false);
  assert.equal(pressed(listing(OPTIONS), "a").handled, false);
});

test("the status line counts what is listed", () => {
  assert.equal(announcement(listing(OPTIONS), "que"), "3 places found: use the down arrow to choose.");
  assert.equal(announcement(listing(OPTIONS.slice(0, 1)), "queb"), "1 place found: use the down arrow to choose.");
  assert.match(announcement(CLOSED, "zzz"), /No place found/);
  assert.equal(announcement(CLOSED, " "), "");
});
