// @ts-check
/**
 * The calculator's worker: loads Pyodide and the calculator wheel, then answers the page.
 *
 * Started by calculator.js as a module worker, with two URLs in its own query string:
 * `runtime` (the folder holding pyodide.mjs) and `lock` (the site's pyodide-lock.json,
 * beside the wheel it names). No date logic lives here: requests go to Python as they are.
 *
 * Returning readers skip Python's start-up: after the first answer of a visit, the worker
 * keeps a memory snapshot of the running interpreter (calculator imported, holiday table
 * read) in Cache Storage, and the next visit restores it instead of starting Python anew.
 * See calculator/worker-snapshot.js.
 *
 * The messages to and from the page are defined in calculator/protocol.schema.json
 * (`ToWorker`, `FromWorker`); calculator/protocol.js builds and checks them.
 */

import { OUR_FAULT, fromWorker, isToWorker, pythonRequest } from "./calculator/protocol.js";
import { findSnapshot, forgetSnapshots, keepSnapshot, snapshotKeys } from "./calculator/worker-snapshot.js";
import { RegionFiles } from "./calculator/worker-regions.js";
import { ZONEINFO, withZones } from "./calculator/worker-zones.js";
import { startWithFallback, stdlibAddresses } from "./calculator/worker-stdlib.js";
// worker-regions.js's own import, named here as well so that it downloads with the modules
// above rather than a round trip after them (a browser finds imports one level at a time).
import "./calculator/region-files.js";

/** @param {import("./calculator/protocol.js").Unstamped<import("./calculator/protocol.js").FromWorker>} message */
function post(message) {
  self.postMessage(fromWorker(message));
}

const params = new URL(self.location.href).searchParams;
const RUNTIME = params.get("runtime") ?? "";
const LOCK = params.get("lock") ?? "";
/** This worker's runtime and wheel's snapshot addresses. */
const SNAPSHOT_KEYS = snapshotKeys(RUNTIME, LOCK);
/** The pruned standard library (beside the lock file) and the runtime's full one. */
const STDLIBS = stdlibAddresses(RUNTIME, LOCK);
/** The region data, its manifest beside the lock file: see calculator/worker-regions.js. */
const REGIONS = LOCK ? new RegionFiles(new URL("regions.json", LOCK)) : null;

/**
 * A promise that rejects when WebAssembly fails to instantiate in this worker.
 * @returns {Promise<never>}
 */
function watchWasm() {
  return new Promise((_, reject) => {
    for (const name of /** @type {const} */ (["instantiateStreaming", "instantiate"])) {
      const original = WebAssembly[name];
      // @ts-ignore -- the same function, wrapped to report its failure
      WebAssembly[name] = (...args) =>
        // @ts-ignore
        original(...args).catch((/** @type {unknown} */ error) => {
          reject(new Error(`the Python runtime could not start (${error})`));
          throw error;
        });
    }
  });
}

/**
 * @typedef {{pyimport: Function, runPython: (code: string) => any,
 *   FS: import("./calculator/worker-zones.js").ZoneFiles["FS"],
 *   unpackArchive: (buffer: Uint8Array, format: string, options: {extractDir: string}) => void,
 *   makeMemorySnapshot: () => Uint8Array}} Pyodide
 */

// ---- Starting Python ------------------------------------------------------------------------

/**
 * The calculator's wheel, as the site's lock file names it. The browser refuses it unless its
 * SHA-256 is the one the lock file gives (Subresource Integrity, which works on any origin).
 * The site serves it gzipped whole (`….whl.gz`, see build_tools/_wheel.py): a name ending in
 * `.gz` is unzipped here, with the browser's own DecompressionStream.
 * @param {Promise<string>} lock the lock file's text
 */
async function fetchWheel(lock) {
  /** @type {{file_name: string, sha256: string} | undefined} */
  const entry = JSON.parse(await lock).packages?.calculator;
  if (!entry) {
    throw new Error("the lock file does not name the calculator package");
  }
  const digest = btoa(String.fromCharCode(...(entry.sha256.match(/../g) ?? []).map((hex) => parseInt(hex, 16))));
  let response;
  try {
    response = await fetch(new URL(entry.file_name, LOCK), { integrity: `sha256-${digest}` });
  } catch (error) {
    throw new Error(`the calculator package could not be fetched whole (${error})`);
  }
  if (!response.ok) {
    throw new Error(`the calculator package did not load (HTTP ${response.status})`);
  }
  if (entry.file_name.endsWith(".gz") && response.body) {
    response = new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Unpack the wheel into site-packages. Pyodide's own installer (`loadPackage`, or the
 * `packages` option) would do the same, but first imports tarfile and importlib.metadata,
 * for shared libraries and records a pure-Python wheel never needs: about 100 ms more
 * before the first answer. Nothing else of the wheel is used: it has no dependencies.
 * @param {Pyodide} pyodide
 * @param {Uint8Array} wheel
 */
function install(pyodide, wheel) {
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "zip", { extractDir: sitePackages });
  // Python may have listed the folder before the files arrived: make it look again.
  // (A JSON string is a Python string literal too.)
  pyodide.runPython(
    `import sys; f = sys.path_importer_cache.get(${JSON.stringify(sitePackages)}); f and f.invalidate_caches()`,
  );
}

/**
 * Python with the calculator loaded, restored from a kept snapshot when a good one exists.
 * A snapshot holds Python's index of the zip it was made with: only the pruned one has one.
 * @param {string} stdlib the standard library's zip
 * @returns {Promise<{handle: (request: string) => Promise<string>, pyodide: Pyodide, calculator: any, restored: boolean}>}
 */
async function start(stdlib) {
  if (!RUNTIME || !LOCK) {
    throw new Error("the worker was started without its runtime and lock URLs");
  }
  post({ type: "status", stage: "downloading" });
  // The lock file and the wheel download while the runtime does.
  const lock = fetch(LOCK).then((response) => {
    if (!response.ok) throw new Error(`the lock file did not load (HTTP ${response.status})`);
    return response.text();
  });
  const wheel = fetchWheel(lock);
  wheel.catch(() => {}); // awaited below, once Python runs
  const [{ loadPyodide }, kept] = await Promise.all([
    import(new URL("pyodide.mjs", RUNTIME).href),
    stdlib === STDLIBS.pruned ? findSnapshot(SNAPSHOT_KEYS) : null,
  ]);
  // Pyodide only logs a failed WebAssembly start (a 404 or a broken download) and then
  // waits forever; watching the instantiation lets the widget say so at once.
  const wasmFailed = watchWasm();
  /** @param {object} options for loadPyodide */
  const load = async (options) => {
    /** @type {Pyodide} */
    const pyodide = await Promise.race([
      loadPyodide({
        indexURL: RUNTIME,
        lockFileContents: lock,
        stdLibURL: stdlib,
        stdout: () => {},
        stderr: () => {},
        env: { PYTHONTZPATH: ZONEINFO },
        ...options,
      }),
      wasmFailed,
    ]);
    install(pyodide, await wheel);
    post({ type: "status", stage: "starting" });
    const calculator = pyodide.pyimport("calculator");
    if (!("_loadSnapshot" in options)) await REGIONS?.install(calculator); // a snapshot knows the regions
    // Each request finds the time zone files it needs in place (see worker-zones.js).
    const zones = new URL("zoneinfo/", LOCK);
    const keep = (/** @type {URL} */ url, /** @type {Response} */ copy) => REGIONS?.keep(url, copy);
    const answer = withZones(pyodide, calculator.handle_request, zones, keep);
    if (stdlib !== STDLIBS.full) return { handle: answer, pyodide, calculator };
    // The message handler hands the first Python each request's region file; the fallback,
    // started later on the full library, is handed it here (fetched once: RegionFiles keeps
    // it). A file that does not come was said already, for a plan; for saved interviews,
    // Python says it of each.
    /** @param {string} request */
    const handle = async (request) => {
      await REGIONS?.prepare(calculator, request).catch(() => {});
      return answer(request);
    };
    return { handle, pyodide, calculator };
  };
  if (kept) {
    try {
      const restored = await load({ _loadSnapshot: kept.memory });
      if ((await restored.handle(kept.check.request)) === kept.check.answer) {
        return { ...restored, restored: true };
      }
    } catch {
      // a snapshot this runtime cannot take: fall through to an ordinary start
    }
    await forgetSnapshots();
  }
  return { ...(await load({ _makeSnapshot: true })), restored: false };
}

/**
 * A question and Python's answer to it, to check a restored snapshot with.
 * @param {import("./calculator/protocol.js").ToWorker} message
 * @param {(request: string) => Promise<string>} handle
 */
async function checkOf(message, handle) {
  const request = pythonRequest(message);
  return { request, answer: await handle(request) };
}

/**
 * How long the page must ask nothing before the snapshot is taken: copying and compressing
 * Python's memory keeps this worker busy for a few hundred milliseconds, which a reader
 * changing the form's fields should not wait for.
 */
const SNAPSHOT_WHEN_QUIET_MS = 1500;

const session = startWithFallback(start, STDLIBS);
const ready = session.ready;
/** Whether this visit has already kept (or tried to keep) a snapshot. */
let snapshotTaken = false;
let snapshotTimer = 0;

/** Whether the page has asked anything yet. */
let asked = false;

ready.then(
  ({ restored }) => {
    post({ type: "status", stage: "ready", start: restored ? "snapshot" : "fresh" });
    if (!asked) REGIONS?.guessFromZone(); // the region the page suggests, for the first question
  },
  (error) => post({ type: "failed", message: String(error?.message ?? error) }),
);

self.addEventListener("message", async (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (!isToWorker(message)) {
    return;
  }
  asked = true;
  // The regions asked about are fetched while Python starts.
  REGIONS?.guess((message.type === "plan" ? [message] : message.interviews).map(({ fields }) => fields.region));
  let python;
  try {
    python = await ready;
  } catch {
    return; // the page was told once, through the "failed" message
  }
  const request = pythonRequest(message);
  try {
    await REGIONS?.prepare(python.calculator, request);
  } catch (error) {
    // A plan cannot be made without its region's file: as a failed start. A list of saved
    // interviews is answered all the same, each one whose file is missing saying so.
    if (message.type === "plan") {
      post({ type: "failed", message: String(/** @type {Error} */ (error)?.message ?? error) });
      return;
    }
  }
  let text;
  try {
    ({ python, text } = await session.handle(request));
    // As Python wrote it: a string costs far less to post than the object (the page reads it).
    post({ type: "answer", id: message.id, answer: text });
  } catch (error) {
    // Reader input never lands here (Python answers it with an error naming the field):
    // this is a bug of ours, so say so in the console and give the page a plain message.
    console.error(error);
    const answer = { v: message.v, ok: false, error: { field: null, message: OUR_FAULT, code: "worker_error" } };
    post({ type: "answer", id: message.id, answer: JSON.stringify(answer) });
    return;
  }
  // Once a fresh start has answered, keep a snapshot: everything the calculator reads once
  // (its modules, the holiday table) is in memory, and the reader has the answer already.
  // A restored interpreter keeps the snapshot it came from.
  if (!snapshotTaken && !python.restored && !session.isFallback(python)) {
    const { pyodide, handle } = python;
    // The restored interpreter is checked against one question: a list of saved interviews
    // is cut to its first, so that check stays as quick as a plan's.
    const answered = text;
    self.clearTimeout(snapshotTimer);
    snapshotTimer = self.setTimeout(async () => {
      snapshotTaken = true;
      const check =
        message.type === "plan"
          ? { request, answer: answered }
          : await checkOf({ ...message, interviews: message.interviews.slice(0, 1) }, handle);
      post({ type: "snapshot", kept: await keepSnapshot(pyodide, SNAPSHOT_KEYS, check) });
    }, SNAPSHOT_WHEN_QUIET_MS);
  }
});
