/**
 * The calculator's worker, its Python side, under Node: which files of the standard library's
 * zip does it load, and what does it answer? Run by devtools/stdlib_trace.py (the trace) and by
 * the tests (the pruned zip against the full one); Pyodide's npm package runs in Node as it
 * does in a browser's worker.
 *
 *   node devtools/stdlib_trace.mjs RUNTIME_DIR STDLIB_ZIP WHEEL CORPUS_JSON [LOCK_FILE]
 *
 * CORPUS_JSON is a JSON list of request texts; LOCK_FILE is the lock file Pyodide reads (the
 * runtime's own by default, a built site's beside its wheel). Prints one JSON object:
 *   {files: [paths inside the zip, sorted], answers: [SHA-256 of each answer's text],
 *    failures: [{index, type, message}], answered: number}
 *
 * It takes the worker's steps (calculator-worker.js): Pyodide started from the given zip, able
 * to make a memory snapshot; the wheel unpacked into site-packages; `calculator` imported; every
 * request answered; a Python error passed to JavaScript (the worker's path for a bug of ours); a
 * memory snapshot taken, a second Python restored from it, which answers again. The files are
 * those of every module either Python loaded from the zip (not the modules frozen into the
 * runtime, which never read it).
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [runtimeDir, stdlibZip, wheelPath, corpusPath, lockPath] = process.argv.slice(2);
if (!corpusPath) {
  console.error("usage: node devtools/stdlib_trace.mjs RUNTIME_DIR STDLIB_ZIP WHEEL CORPUS_JSON [LOCK_FILE]");
  process.exit(2);
}
const indexURL = runtimeDir.endsWith("/") ? runtimeDir : `${runtimeDir}/`;
const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
const wheel = new Uint8Array(readFileSync(wheelPath));
const lockFileContents = readFileSync(lockPath ?? `${indexURL}pyodide-lock.json`, "utf8");
/** @type {string[]} */
const corpus = JSON.parse(readFileSync(corpusPath, "utf8"));

/** The files (inside the zip) of every module this Python loaded from a zip on sys.path. */
const LOADED_FILES = `
import json, sys
zips = [entry + "/" for entry in sys.path if entry.endswith(".zip")]
origins = (getattr(getattr(module, "__spec__", None), "origin", None) for module in list(sys.modules.values()))
json.dumps(sorted({o[len(z):] for o in origins if isinstance(o, str) for z in zips if o.startswith(z)}))
`;

/**
 * A Python with the calculator installed as the worker installs it.
 * @param {object} options more options for loadPyodide
 */
async function start(options) {
  const pyodide = await loadPyodide({
    indexURL,
    lockFileContents,
    stdLibURL: stdlibZip,
    stdout: () => {},
    stderr: () => {},
    ...options,
  });
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "zip", { extractDir: sitePackages });
  pyodide.runPython(
    `import sys; f = sys.path_importer_cache.get(${JSON.stringify(sitePackages)}); f and f.invalidate_caches()`,
  );
  /** @type {(request: string) => string} */
  const handle = pyodide.pyimport("calculator").handle_request;
  return { pyodide, handle };
}

/** @param {string} text */
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

const fresh = await start({ _makeSnapshot: true });
const answers = [];
const failures = [];
for (const [index, request] of corpus.entries()) {
  try {
    answers.push(sha256(fresh.handle(request)));
  } catch (error) {
    const { type = "", message = String(error) } = /** @type {{type?: string, message?: string}} */ (error);
    failures.push({ index, type, message: message.trim().split("\n").at(-1) });
    answers.push("");
  }
}
try {
  fresh.pyodide.runPython("raise RuntimeError('a bug of ours, as the worker would report it')");
} catch (error) {
  String(error); // the worker logs it: its text is made here
}
const files = new Set(JSON.parse(fresh.pyodide.runPython(LOADED_FILES)));
const restored = await start({ _loadSnapshot: fresh.pyodide.makeMemorySnapshot() });
for (const request of corpus.slice(0, 2)) {
  try {
    restored.handle(request);
  } catch {
    // the fresh Python's failures are reported above
  }
}
for (const file of JSON.parse(restored.pyodide.runPython(LOADED_FILES))) {
  files.add(file);
}
process.stdout.write(
  JSON.stringify({ files: [...files].sort(), answers, failures, answered: answers.length - failures.length }),
);
