// @ts-check
/**
 * One saved interview (My interviews) as the page keeps it, and the export file that holds
 * them all. Pure functions, no storage and no DOM: store.js keeps records, interviews.js
 * shows them.
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
 * @typedef {{ok: true, interviews: Interview[]} | {ok: false, message: string}} ReadFile
 * @typedef {{write: Interview[], added: number, updated: number, unchanged: number}} Merge
 */

/** What names an export file of ours, and the one format version this page reads. */
export const FILE_FORMAT = "second-date/my-interviews";
export const FILE_VERSION = 1;
/** An export of a thousand interviews is about 300 KB: anything over this is no export of ours. */
export const MAX_FILE_BYTES = 1_000_000;
/** The outcomes a reader can mark, "" being "not heard back yet". */
export const OUTCOMES = /** @type {const} */ (["", "offer", "no", "other"]);
/** The longest label kept (a label is a reminder, not a note). */
export const MAX_LABEL = 120;
/** Request fields that are the reader's clock or the page's own, never something they told us. */
const NOT_INPUTS = new Set(["today", "dtstamp", "uid"]);

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The reader's inputs among a request's fields.
 * @param {Fields} fields
 * @returns {Fields}
 */
export function inputsOf(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !NOT_INPUTS.has(name)));
}

/**
 * A label as kept: one line, trimmed, at most `MAX_LABEL` characters.
 * @param {string} text
 */
export function tidyLabel(text) {
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_LABEL);
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

/**
 * The export file's text: every record, with the format's name and version.
 * @param {Interview[]} interviews
 * @param {string} now an ISO instant
 */
export function exportFile(interviews, now) {
  return `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, exported: now, interviews }, null, 2)}\n`;
}

/**
 * The records of an export file, or what is wrong with it, in words for the reader.
 * @param {string} text the file's text
 * @returns {ReadFile}
 */
export function readFile(text) {
  if (!text.trim()) return { ok: false, message: "That file is empty." };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: "That file is not a My interviews export: it is not JSON." };
  }
  if (!isObject(data) || data.format !== FILE_FORMAT) {
    return { ok: false, message: "That file is not a My interviews export." };
  }
  if (data.version !== FILE_VERSION) {
    return {
      ok: false,
      message: `That file is in another version of the My interviews format (${String(data.version)}); this page reads version ${FILE_VERSION}.`,
    };
  }
  if (!Array.isArray(data.interviews)) return { ok: false, message: "That file holds no list of interviews." };
  const interviews = [];
  for (const [index, entry] of data.interviews.entries()) {
    const interview = readInterview(entry);
    if (!interview) {
      return { ok: false, message: `Interview ${index + 1} in that file is missing its id or its answers.` };
    }
    interviews.push(interview);
  }
  return { ok: true, interviews };
}

/**
 * What an import changes: interviews new to the device, and newer copies of ones it has
 * (the same id, a later `updated`). An interview already here, or the same question with
 * the same label under another id, is left as it is: importing a file twice adds nothing.
 * @param {Interview[]} existing
 * @param {Interview[]} incoming
 * @returns {Merge}
 */
export function mergeImport(existing, incoming) {
  const byId = new Map(existing.map((interview) => [interview.id, interview]));
  /** @type {Map<string, Interview>} the file's own copies, the latest of each id */
  const latest = new Map();
  for (const interview of incoming) {
    const seen = latest.get(interview.id);
    if (!seen || seen.updated < interview.updated) latest.set(interview.id, interview);
  }
  const merge = /** @type {Merge} */ ({ write: [], added: 0, updated: 0, unchanged: 0 });
  for (const interview of latest.values()) {
    const here = byId.get(interview.id);
    if (here) {
      const newer = here.updated < interview.updated;
      if (newer) merge.write.push(interview);
      merge[newer ? "updated" : "unchanged"] += 1;
    } else if (existing.some((kept) => sameInterview(kept, interview))) {
      merge.unchanged += 1;
    } else {
      merge.write.push(interview);
      merge.added += 1;
    }
  }
  return merge;
}
