// @ts-check
/**
 * "Save this plan", beside the calculator's answer: keeps the question of the plan shown
 * (the reader's inputs, never its dates) with an optional label, in My interviews on this
 * device (store.js), and says so with the way to the list.
 *
 * Its element (`data-sd-component="save-plan"`) sits inside the widget's answer, so it shows
 * with the answer; the widget tells it which question the answer is for (view.js, ANSWERED).
 * The wording of its status comes from the markup (`data-saved`, `data-already`).
 *
 * @typedef {import("./protocol.js").Fields} Fields
 */

import { readerInstant } from "./clock.js";
import { newInterview, sameInterview } from "./interview-new.js";
import { part } from "./parts.js";
import { StoreError, UNAVAILABLE, newId, openStore } from "./store.js";
import { ANSWERED } from "./view.js";

/**
 * Keep the question, unless it is kept already with this label.
 * @param {Fields} fields
 * @param {string} label
 * @returns {{ok: true, already: boolean} | {ok: false, message: string}}
 */
function keep(fields, label) {
  const opened = openStore();
  if (!opened.ok) return opened;
  const interview = newInterview(fields, label, readerInstant(), newId());
  try {
    const already = opened.store.all().some((kept) => sameInterview(kept, interview));
    if (!already) opened.store.put([interview]);
    return { ok: true, already };
  } catch (error) {
    return { ok: false, message: error instanceof StoreError ? error.message : UNAVAILABLE };
  }
}

/**
 * Wire the save control of one widget.
 * @param {HTMLElement} root the control (`data-sd-component="save-plan"`)
 * @returns {() => void} unmounts
 */
export function mountSave(root) {
  const widget = /** @type {HTMLElement} */ (root.closest('[data-sd-component="calculator"]'));
  const label = /** @type {HTMLInputElement} */ (part(root, "save-label"));
  const said = part(root, "save-said");
  const link = part(root, "interviews-link");
  const problem = part(root, "save-error");
  /** @type {Fields | null} the question of the answer shown */
  let fields = null;

  /** @param {string} text @param {string} error */
  const show = (text, error) => {
    said.textContent = text;
    link.hidden = !text;
    problem.textContent = error;
    problem.hidden = !error;
  };
  const save = () => {
    if (!fields) return;
    const kept = keep(fields, label.value);
    if (!kept.ok) return show("", kept.message);
    show((kept.already ? said.dataset.already : said.dataset.saved) ?? "", "");
  };
  /** @param {Event} event */
  const answered = (event) => {
    fields = /** @type {CustomEvent<Fields | null>} */ (event).detail;
    show("", "");
  };

  widget.addEventListener(ANSWERED, answered);
  part(root, "save-plan").addEventListener("click", save);
  label.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      save();
    }
  });
  return () => widget.removeEventListener(ANSWERED, answered);
}
