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
 * See "Memory snapshots" below.
 *
 * Messages to the page, all carrying `v` (the protocol version):
 *   {type: "status", stage: "downloading" | "starting" | "ready", start?: "fresh" | "snapshot"}
 *   {type: "failed", message}                    the calculator cannot start
 *   {type: "answer", id, answer}                 answer = calculator.handle_request's JSON
 *   {type: "snapshot", kept: boolean}            whether this visit's snapshot was kept
 * Messages from the page:
 *   {v, type: "plan", id, fields: {name: string}}
 */

import { startWithFallback, stdlibAddresses } from "./calculator/worker-stdlib.js";

const PROTOCOL_VERSION = 1;

/** @param {object} message */
function post(message) {
  self.postMessage({ v: PROTOCOL_VERSION, ...message });
}

const params = new URL(self.location.href).searchParams;
const RUNTIME = params.get("runtime") ?? "";
const LOCK = params.get("lock") ?? "";
/** The pruned standard library (beside the lock file) and the runtime's full one. */
const STDLIBS = stdlibAddresses(RUNTIME, LOCK);

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
 * @typedef {{request: string, answer: string, sha256: string}} SnapshotCheck
 *   a request answered before the snapshot was taken, its answer, and the snapshot's digest
 * @typedef {{pyimport: Function, runPython: (code: string) => any,
 *   unpackArchive: (buffer: Uint8Array, format: string, options: {extractDir: string}) => void,
 *   makeMemorySnapshot: () => Uint8Array}} Pyodide
 */

// ---- Memory snapshots ---------------------------------------------------------------------
//
// Pyodide can copy the interpreter's whole memory once it is running (about 31 MB, 7 MB
// gzipped) and start a later instance from that copy in a fraction of the time Python's own
// start-up takes. The copy is only valid for the same runtime build (Pyodide checks its build
// id) and the same wheel, so it is kept under an address naming both, and a new deploy of
// either makes a new one. A kept snapshot is checked twice before it is trusted: its SHA-256
// must match the digest kept beside it, and the restored interpreter must answer the request
// answered before the copy was made with exactly the same text. Anything else throws it away
// and starts Python the ordinary way. Pyodide's snapshot API is marked experimental (leading
// underscore); the checks are why using it is safe.

/** The site root (this module lives in assets/javascripts/). */
const SITE_ROOT = new URL("../../", self.location.href);
/** Cache Storage is shared by the origin: the name carries the site's path, as sw.js's do. */
const SNAPSHOT_CACHE = `second-date:${SITE_ROOT.pathname}:python-snapshot`;

/**
 * Where this runtime and wheel's snapshot is kept: one address for the memory, one for its check.
 * @param {string} runtime
 * @param {string} lock
 */
function snapshotKeys(runtime, lock) {
  const key = new URL("python-snapshot", SITE_ROOT);
  key.searchParams.set("runtime", runtime);
  key.searchParams.set("lock", lock);
  const check = new URL(key);
  check.searchParams.set("part", "check");
  return { memory: key.href, check: check.href };
}

/** This worker's runtime and wheel's snapshot addresses. */
const SNAPSHOT_KEYS = snapshotKeys(RUNTIME, LOCK);

/** @param {BufferSource} bytes */
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * @param {Uint8Array} bytes
 * @param {CompressionStream | DecompressionStream} transform
 */
async function through(bytes, transform) {
  const stream = new Blob([/** @type {BlobPart} */ (bytes)]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The kept snapshot for this runtime and wheel, if there is one: its check at once, and its
 * memory as a promise (read, checked against its digest and unpacked while Pyodide fetches
 * its runtime: loadPyodide takes the promise). The promise rejects if the digest differs.
 * @param {{memory: string, check: string}} keys
 * @returns {Promise<{memory: Promise<Uint8Array>, check: SnapshotCheck} | null>}
 */
async function findSnapshot(keys) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const listed = await cache.match(keys.check);
    if (!listed) {
      return null;
    }
    /** @type {SnapshotCheck} */
    const check = await listed.json();
    const memory = (async () => {
      const kept = await cache.match(keys.memory);
      const packed = new Uint8Array(kept ? await kept.arrayBuffer() : []);
      if ((await sha256(packed)) !== check.sha256) {
        throw new Error("the kept snapshot is not the one its digest names");
      }
      return through(packed, new DecompressionStream("gzip"));
    })();
    memory.catch(() => {}); // loadPyodide, which awaits it, rejects in turn
    return { memory, check };
  } catch {
    return null; // no Cache Storage here (a private window, an insecure origin): start afresh
  }
}

/** Delete every kept snapshot of this site (old runtimes and wheels, or a bad copy). */
async function forgetSnapshots() {
  try {
    await caches.delete(SNAPSHOT_CACHE);
  } catch {
    // nothing was kept, or nothing can be
  }
}

/**
 * Copy the running interpreter's memory and keep it, with the request it has answered.
 * Files are not part of the copy: a restored instance unpacks the wheel again as it starts.
 * @param {Pyodide} pyodide
 * @param {{memory: string, check: string}} keys
 * @param {{request: string, answer: string}} answered
 * @returns {Promise<boolean>} whether it was kept
 */
async function keepSnapshot(pyodide, keys, answered) {
  try {
    const memory = pyodide.makeMemorySnapshot();
    const packed = await through(memory, new CompressionStream("gzip"));
    /** @type {SnapshotCheck} */
    const check = { ...answered, sha256: await sha256(packed) };
    await forgetSnapshots(); // one snapshot per site: the current runtime and wheel's
    const cache = await caches.open(SNAPSHOT_CACHE);
    await cache.put(keys.memory, new Response(/** @type {BodyInit} */ (packed)));
    await cache.put(keys.check, Response.json(check));
    return true;
  } catch {
    return false; // a full disk or no Cache Storage: the next visit starts afresh
  }
}

// ---- Starting Python ------------------------------------------------------------------------

/**
 * The calculator's wheel, as the site's lock file names it. The browser refuses it unless its
 * SHA-256 is the one the lock file gives (Subresource Integrity, which works on any origin).
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
 * @returns {Promise<{handle: (request: string) => string, pyodide: Pyodide, restored: boolean}>}
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
        ...options,
      }),
      wasmFailed,
    ]);
    install(pyodide, await wheel);
    post({ type: "status", stage: "starting" });
    /** @type {(request: string) => string} */
    const handle = pyodide.pyimport("calculator").handle_request;
    return { handle, pyodide };
  };
  if (kept) {
    try {
      const restored = await load({ _loadSnapshot: kept.memory });
      if (restored.handle(kept.check.request) === kept.check.answer) {
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

ready.then(
  ({ restored }) => post({ type: "status", stage: "ready", start: restored ? "snapshot" : "fresh" }),
  (error) => post({ type: "failed", message: String(error?.message ?? error) }),
);

self.addEventListener("message", async (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (message?.v !== PROTOCOL_VERSION || message.type !== "plan") {
    return;
  }
  let python;
  try {
    python = await ready;
  } catch {
    return; // the page was told once, through the "failed" message
  }
  const request = JSON.stringify({ v: PROTOCOL_VERSION, fields: message.fields });
  let text;
  try {
    ({ python, text } = await session.handle(request));
    post({ type: "answer", id: message.id, answer: JSON.parse(text) });
  } catch (error) {
    // Reader input never lands here (Python answers it with an error naming the field):
    // this is a bug of ours, so say so in the console and give the page a plain message.
    console.error(error);
    post({
      type: "answer",
      id: message.id,
      answer: { ok: false, error: { field: null, message: "Something went wrong on our side. Please try again." } },
    });
    return;
  }
  // Once a fresh start has answered, keep a snapshot: everything the calculator reads once
  // (its modules, the holiday table) is in memory, and the reader has the answer already.
  // A restored interpreter keeps the snapshot it came from.
  if (!snapshotTaken && !python.restored && !session.isFallback(python)) {
    const { pyodide } = python;
    self.clearTimeout(snapshotTimer);
    snapshotTimer = self.setTimeout(async () => {
      snapshotTaken = true;
      post({ type: "snapshot", kept: await keepSnapshot(pyodide, SNAPSHOT_KEYS, { request, answer: text }) });
    }, SNAPSHOT_WHEN_QUIET_MS);
  }
});
