// @ts-check
/**
 * My interviews as files the reader holds: an export of every interview (JSON, with its
 * format's version), one calendar file of every interview still waiting (the `.ics` Python
 * writes, with the same event UIDs as the calculator's own), and an import of an export,
 * merged by interview. Files are made in the page and read from the reader's disk: nothing
 * goes over the network.
 *
 * A file that cannot be imported is refused whole, with a message at the import control,
 * and nothing already saved changes. Fetched on the first use of a file control
 * (interviews.js), not with the list.
 *
 * @typedef {import("./engine.js").Engine} Engine
 * @typedef {import("./store.js").Store} Store
 * @typedef {import("./interview-record.js").Interview} Interview
 * @typedef {{root: HTMLElement, store: Store, engine: Engine, page: string, changed: () => void}} Files
 *   the list page's component, its storage and engine, the calculator page's address, and
 *   what shows the lists again
 */

import { readerInstant, readerToday, readerZone } from "./clock.js";
import { MAX_FILE_BYTES, exportFile, mergeImport, readFile } from "./export-file.js";
import { entries } from "./interview-list.js";
import { part } from "./parts.js";
import { interviewsAnswer } from "./protocol.js";
import { StoreError, UNAVAILABLE } from "./store.js";

/** The reader's date and time zone, as every list request carries them. */
function readerClock() {
  return { today: readerToday(), tz: readerZone() };
}

/** How long a made file's address stays good: long enough for any browser to save it. */
const FILE_URL_LIFETIME_MS = 60_000;

/**
 * Hand the reader a file the page made.
 * @param {string} text
 * @param {string} type
 * @param {string} name
 */
function download(text, type, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(link.href), FILE_URL_LIFETIME_MS);
}

/**
 * Why a file read from disk cannot be imported, or what it holds.
 * @param {File} file
 * @param {Engine} engine
 * @returns {Promise<{ok: true, interviews: Interview[]} | {ok: false, message: string}>}
 */
async function readImport(file, engine) {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: "That file is too large to be a My interviews export." };
  }
  const read = readFile(await file.text());
  if (!read.ok) return read;
  const answer = interviewsAnswer(await engine.askInterviews(entries(read.interviews), readerClock()));
  if (!answer.ok) return { ok: false, message: answer.error.message };
  const index = answer.interviews.findIndex((summary) => !summary.ok);
  const failed = answer.interviews[index];
  if (failed && !failed.ok) {
    return { ok: false, message: `Interview ${index + 1} in that file cannot be planned: ${failed.error.message}` };
  }
  return read;
}

/**
 * Say how the last file went, at the import control: `error` is shown with "Nothing was
 * changed." (every refusal leaves storage as it was), `text` in the status line.
 * @param {HTMLElement} root
 * @param {string} text
 * @param {string} [error]
 */
function say(root, text, error = "") {
  const input = part(root, "import-file");
  const problem = part(root, "files-error");
  part(root, "files-status").textContent = text;
  problem.textContent = error ? `${error} Nothing was changed.` : "";
  problem.hidden = !error;
  if (error) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

/**
 * A wording of the list's markup, from the status line's data attributes.
 * @param {HTMLElement} root
 * @param {string} name
 */
function wording(root, name) {
  return part(root, "files-status").dataset[name] ?? "";
}

/**
 * Hand the reader every interview kept, as an export file.
 * @param {Files} files
 */
export function exportJson({ root, store }) {
  download(exportFile(store.all(), readerInstant()), "application/json", `my-interviews-${readerToday()}.json`);
  say(root, wording(root, "exported"));
}

/**
 * Hand the reader one calendar file of every interview still waiting, written by Python.
 * @param {Files} files
 */
export async function exportIcs({ root, store, engine, page }) {
  const waiting = store.all().filter((interview) => !interview.outcome);
  say(root, wording(root, "working"));
  const answer = interviewsAnswer(
    await engine.askInterviews(entries(waiting, page), { ...readerClock(), dtstamp: readerInstant() }),
  );
  if (!answer.ok) return say(root, "", answer.error.message);
  if (!answer.ics) return say(root, wording(root, "nothing"));
  download(answer.ics, "text/calendar", "my-interviews.ics");
  say(root, wording(root, "exported"));
}

/**
 * Import the file the reader chose, merged by interview; or refuse it whole, saying why.
 * @param {Files} files
 */
export async function importChosen({ root, store, engine, changed }) {
  const input = /** @type {HTMLInputElement} */ (part(root, "import-file"));
  const file = input.files?.[0];
  if (!file) return;
  say(root, wording(root, "working"));
  const read = await readImport(file, engine);
  input.value = ""; // the same file may be chosen again
  if (!read.ok) return say(root, "", read.message);
  const merge = mergeImport(store.all(), read.interviews);
  try {
    store.put(merge.write);
  } catch (error) {
    return say(root, "", error instanceof StoreError ? error.message : UNAVAILABLE);
  }
  /** @type {Record<string, number>} */
  const counts = { added: merge.added, updated: merge.updated, unchanged: merge.unchanged };
  say(root, wording(root, "imported").replace(/\{(\w+)\}/g, (_, name) => String(counts[name] ?? "")));
  changed();
}
