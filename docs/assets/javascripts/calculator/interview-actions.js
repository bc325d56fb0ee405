// @ts-check
/**
 * What the reader does to the list of My interviews: mark an interview heard back (offer,
 * no, something else, or not yet), delete one, and "Delete everything", which asks once.
 * Fetched on the first use of one of these controls (interviews.js, `ACTIONS`), not with
 * the list.
 *
 * @typedef {import("./store.js").Store} Store
 * @typedef {{root: HTMLElement, store: Store, changing: (change: () => void) => void}} Actions
 *   the list page's component, its storage, and what makes a change to storage, then shows the lists
 */

import { readerInstant } from "./clock.js";
import { OUTCOMES } from "./interview-record.js";
import { part } from "./parts.js";

/**
 * The kept interview whose element holds `control`, if it is still kept.
 * @param {HTMLElement} control
 * @param {Store} store
 */
function interviewOf(control, store) {
  const item = control.closest("[data-sd-id]");
  const id = item instanceof HTMLElement ? (item.dataset.sdId ?? "") : "";
  return store.all().find((interview) => interview.id === id);
}

/**
 * Ask once before deleting everything: show the question, or put it away.
 * @param {HTMLElement} root
 * @param {Store} store
 * @param {boolean} open
 */
function ask(root, store, open) {
  const text = part(root, "confirm-text");
  text.textContent = (text.dataset.template ?? "").replace("{count}", String(store.all().length));
  part(root, "confirm").hidden = !open;
  part(root, open ? "confirm-delete" : "delete-all").focus();
}

/**
 * Do what the reader asked with `control` (one of interviews.js's `ACTIONS`).
 * @param {Event} event a change of a heard-back choice, or a click on a button
 * @param {HTMLElement} control the control it came from
 * @param {Actions} actions
 */
export function act(event, control, { root, store, changing }) {
  const action = `${event.type} ${control.dataset.sdSlot ?? control.dataset.sdPart}`;
  const interview = interviewOf(control, store);
  if (action === "change outcome" && interview) {
    const outcome = OUTCOMES.find((known) => known === /** @type {HTMLSelectElement} */ (control).value) ?? "";
    changing(() => store.put([{ ...interview, outcome, updated: readerInstant() }]));
  } else if (action === "click delete" && interview) {
    changing(() => store.remove([interview.id]));
    part(root, "list-heading").focus();
  } else if (action === "click delete-all" || action === "click cancel-delete") {
    ask(root, store, action === "click delete-all");
  } else if (action === "click confirm-delete") {
    part(root, "confirm").hidden = true;
    changing(() => store.clear());
    part(root, "list-heading").focus();
  }
}
