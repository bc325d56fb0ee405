// @ts-check
/**
 * My interviews as files the reader holds: an export of every interview (JSON, with its
 * format's version), one calendar file of every interview still waiting (the `.ics` Python
 * writes, with the same event UIDs as the calculator's own), and an import of an export,
 * merged by interview. Files are made in the page and read from the reader's disk: nothing
 * goes over the network.
 *
 * A file that cannot be imported is refused whole, with a message at the import control,
 * and nothing already saved changes.
 *
 * @typedef {import("./engine.js").Engine} Engine
 * @typedef {import("./store.js").Store} Store
 * @typedef {import("./interview-record.js").Interview} Interview
 */

import { readerInstant, readerToday } from "./clock.js";
import { MAX_FILE_BYTES, exportFile, mergeImport, readFile } from "./interview-record.js";
import { interviewsAnswer } from "./protocol.js";
import { StoreError, UNAVAILABLE } from "./store.js";
import { part } from "./view.js";

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
 * The interviews as Python is asked about them.
 * @param {Interview[]} interviews
 */
function entries(interviews) {
  return interviews.map((interview) => ({ key: interview.id, fields: interview.fields }));
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
  const answer = interviewsAnswer(await engine.askInterviews(entries(read.interviews), readerToday()));
  if (!answer.ok) return { ok: false, message: answer.error.message };
  const index = answer.interviews.findIndex((summary) => !summary.ok);
  const failed = answer.interviews[index];
  if (failed && !failed.ok) {
    return { ok: false, message: `Interview ${index + 1} in that file cannot be planned: ${failed.error.message}` };
  }
  return read;
}

/**
 * Wire export and import.
 * @param {HTMLElement} root the list page's component
 * @param {Store} store
 * @param {Engine} engine
 * @param {() => void} changed shows the lists again
 */
export function mountFiles(root, store, engine, changed) {
  const input = /** @type {HTMLInputElement} */ (part(root, "import-file"));
  const status = part(root, "files-status");
  const problem = part(root, "files-error");
  /** @param {string} text @param {string} [error] */
  const say = (text, error = "") => {
    status.textContent = text;
    problem.textContent = error ? `${error} Nothing was changed.` : "";
    problem.hidden = !error;
    if (error) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  };

  part(root, "export-json").addEventListener("click", () => {
    download(exportFile(store.all(), readerInstant()), "application/json", `my-interviews-${readerToday()}.json`);
    say(status.dataset.exported ?? "");
  });
  part(root, "export-ics").addEventListener("click", async () => {
    const waiting = store.all().filter((interview) => !interview.outcome);
    say(status.dataset.working ?? "");
    const answer = interviewsAnswer(await engine.askInterviews(entries(waiting), readerToday(), readerInstant()));
    if (!answer.ok) return say("", answer.error.message);
    if (!answer.ics) return say(status.dataset.nothing ?? "");
    download(answer.ics, "text/calendar", "my-interviews.ics");
    say(status.dataset.exported ?? "");
  });
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    say(status.dataset.working ?? "");
    const read = await readImport(file, engine);
    input.value = ""; // the same file may be chosen again
    if (!read.ok) return say("", read.message);
    const merge = mergeImport(store.all(), read.interviews);
    try {
      store.put(merge.write);
    } catch (error) {
      return say("", error instanceof StoreError ? error.message : UNAVAILABLE);
    }
    /** @type {Record<string, number>} */
    const counts = { added: merge.added, updated: merge.updated, unchanged: merge.unchanged };
    say((status.dataset.imported ?? "").replace(/\{(\w+)\}/g, (_, name) => String(counts[name] ?? "")));
    changed();
  });
}
