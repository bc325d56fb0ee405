// @ts-check
/**
 * A new saved interview (My interviews), from a plan the reader saves, and whether two ask
 * the same question. Pure functions; apart from interview-record.js so that the list page,
 * which only reads records, does not fetch them: saved.js and export-file.js use them.
 *
 * @typedef {import("./protocol.js").Fields} Fields
 * @typedef {import("./interview-record.js").Interview} Interview
 */

import { tidyLabel } from "./interview-record.js";

/** Request fields that are the reader's clock or the page's own, never something they told us. */
const NOT_INPUTS = new Set(["today", "dtstamp", "tz", "uid", "link"]);

/**
 * The reader's inputs among a request's fields.
 * @param {Fields} fields
 * @returns {Fields}
 */
export function inputsOf(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !NOT_INPUTS.has(name)));
}

/**
 * A new record for a plan the reader saves.
 * @param {Fields} fields the request's fields (only the reader's inputs are kept)
 * @param {string} label
 * @param {string} now an ISO instant
 * @param {string} id a new, unique id
 * @returns {Interview}
 */
export function newInterview(fields, label, now, id) {
  return { id, label: tidyLabel(label), fields: inputsOf(fields), saved: now, updated: now, outcome: "" };
}

/**
 * Whether two records ask the same question with the same label (saving it twice adds nothing).
 * @param {Interview} a
 * @param {Interview} b
 */
export function sameInterview(a, b) {
  const keys = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
  return a.label === b.label && [...keys].every((key) => (a.fields[key] ?? "") === (b.fields[key] ?? ""));
}
