// @ts-check
/**
 * One saved interview (My interviews) as the page keeps it, and read back. Pure functions,
 * no storage and no DOM: store.js keeps records, interviews.js shows them, export-file.js
 * writes and reads them as a file, interview-new.js makes them.
 *
 * A record holds what the reader gave, never a computed date: the form's fields (as the
 * calculator reads them), an optional label, and whether they have heard back. Python
 * replans every record whenever the list is shown.
 *
 * @typedef {import("./protocol.js").Fields} Fields
 * @typedef {"" | "offer" | "no" | "other"} Outcome "" while waiting to hear
 * @typedef {{id: string, label: string, fields: Fields, saved: string, updated: string, outcome: Outcome}} Interview
 *   `saved` and `updated` are ISO instants from the reader's clock: an import keeps the
 *   later of two copies of one interview.
 */

/** The outcomes a reader can mark, "" being "not heard back yet". */
export const OUTCOMES = /** @type {const} */ (["", "offer", "no", "other"]);
/** The longest label kept (a label is a reminder, not a note). */
export const MAX_LABEL = 120;

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A label as kept: one line, trimmed, at most `MAX_LABEL` characters.
 * @param {string} text
 */
export function tidyLabel(text) {
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_LABEL);
}

/**
 * A record read back (from storage or a file), or null when it is not one.
 * @param {unknown} value
 * @returns {Interview | null}
 */
export function readInterview(value) {
  if (!isObject(value) || typeof value.id !== "string" || !value.id || !isObject(value.fields)) return null;
  const fields = value.fields;
  if (!Object.values(fields).every((field) => typeof field === "string")) return null;
  const text = (/** @type {unknown} */ field) => (typeof field === "string" ? field : "");
  const outcome = OUTCOMES.find((known) => known === value.outcome) ?? "";
  const saved = text(value.saved);
  return {
    id: value.id,
    label: tidyLabel(text(value.label)),
    fields: /** @type {Fields} */ (fields),
    saved,
    updated: text(value.updated) || saved,
    outcome,
  };
}
