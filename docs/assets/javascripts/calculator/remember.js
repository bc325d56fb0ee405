// @ts-check
/**
 * "Remember these on this device": the reader's optional details kept in this browser's
 * localStorage (one small record; never sent anywhere, never in the address) when the reader
 * ticks the box, and forgotten when they untick it. Storage a browser refuses (a private
 * window, a full disk) only means nothing is remembered: the calculator works the same.
 */

import { control, readDetails, writeDetails } from "./form.js";

/** The one key this module keeps, per site path (the origin may hold other sites). */
const KEY = `second-date:${new URL("../../../", import.meta.url).pathname}:details`;

/** @returns {Record<string, string> | null} */
function recall() {
  try {
    const kept = JSON.parse(window.localStorage.getItem(KEY) ?? "null");
    return kept && typeof kept === "object" ? kept : null;
  } catch {
    return null;
  }
}

/** @param {Record<string, string> | null} details null forgets */
function keep(details) {
  try {
    if (details) window.localStorage.setItem(KEY, JSON.stringify(details));
    else window.localStorage.removeItem(KEY);
  } catch {
    // nothing can be kept here: the details still fill this visit's words
  }
}

/**
 * Fill the details from what this browser remembers, and keep them while the box is ticked.
 * @param {HTMLElement} root the widget
 */
export function mountRemember(root) {
  const box = control(root, "remember");
  const kept = recall();
  if (kept) {
    writeDetails(root, kept);
    box.checked = true;
  }
  const update = () => keep(box.checked ? readDetails(root) : null);
  box.addEventListener("change", update);
  for (const input of root.querySelectorAll("[data-sd-detail]")) input.addEventListener("change", update);
}
