// @ts-check
/**
 * My interviews as a file the reader keeps: every record with the format's name and version,
 * and that file read back and merged into what the device keeps, by interview. Pure
 * functions: interview-files.js hands the file over and takes it in.
 *
 * @typedef {import("./interview-record.js").Interview} Interview
 * @typedef {{ok: true, interviews: Interview[]} | {ok: false, message: string}} ReadFile
 * @typedef {{write: Interview[], added: number, updated: number, unchanged: number}} Merge
 */

import { sameInterview } from "./interview-new.js";
import { isObject, readInterview } from "./interview-record.js";

/** What names an export file of ours, and the one format version this page reads. */
export const FILE_FORMAT = "second-date/my-interviews";
export const FILE_VERSION = 1;
/** An export of a thousand interviews is about 300 KB: anything over this is no export of ours. */
export const MAX_FILE_BYTES = 1_000_000;

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
