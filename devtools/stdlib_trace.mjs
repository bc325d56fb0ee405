/**
 * The calculator's worker, its Python side, under Node: which files of the standard library's
 * zip does it load, and what does it answer? Run by devtools/stdlib_trace.py (the trace) and by
 * the tests (the pruned zip against the full one); Pyodide's npm package runs in Node as it
 * does in a browser's worker.
 *
 *   node devtools/stdlib_trace.mjs RUNTIME_DIR STDLIB_ZIP WHEEL CORPUS_JSON REGIONS_DIR ZONEINFO_DIR [LOCK_FILE]
 *
 * CORPUS_JSON is a JSON list of request texts; REGIONS_DIR a folder of region data (index.json
 * and one file per region, as the site publishes it); ZONEINFO_DIR a folder of TZif files (the
 * `tzdata` package's); LOCK_FILE is the lock file Pyodide reads (the runtime's own by default, a
 * built site's beside its wheel). Prints one JSON object:
 *   {files: [paths inside the zip, sorted], answers: [SHA-256 of each answer's text],
 *    failures: [{index, type, message}], answered: number, planned: number (answers with ok: true)}
 *
 * It takes the worker's steps (calculator-worker.js): Pyodide started from the given zip, able
 * to make a memory snapshot; the wheel unpacked into site-packages; the time zone files where
 * the worker writes them; `calculator` imported and given the region index; every request
 * answered after its region's file is handed over (calculator/worker-regions.js); a Python error passed to JavaScript (the worker's path for a bug of ours); a
 * memory snapshot taken, a second Python restored from it, which answers again. The files are
 * those of every module either Python loaded from the zip (not the modules frozen into the
 * runtime, which never read it).
 */

import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const [runtimeDir, stdlibZip, wheelPath, corpusPath, regionsDir, zoneinfoDir, lockPath] = process.argv.slice(2);
if (!zoneinfoDir) {
  console.error(
    "usage: node devtools/stdlib_trace.mjs RUNTIME_DIR STDLIB_ZIP WHEEL CORPUS_JSON REGIONS_DIR ZONEINFO_DIR [LOCK_FILE]",
  );
  process.exit(2);
}
const indexURL = runtimeDir.endsWith("/") ? runtimeDir : `${runtimeDir}/`;
const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
// The wheel as built, or as the site serves it (gzipped whole, as the worker unzips it).
const wheel = new Uint8Array(wheelPath.endsWith(".gz") ? gunzipSync(readFileSync(wheelPath)) : readFileSync(wheelPath));
const lockFileContents = readFileSync(lockPath ?? `${indexURL}pyodide-lock.json`, "utf8");
/** @type {string[]} */
const corpus = JSON.parse(readFileSync(corpusPath, "utf8"));

/** Where the worker writes the time zone files (calculator/worker-zones.js). */
const ZONEINFO = "/usr/share/zoneinfo";

/** The codes of every region of the set (the worker reads them from its manifest). */
const REGION_CODES = readdirSync(regionsDir)
  .filter((name) => /^[A-Z].*\.json$/.test(name))
  .map((name) => name.replace(/\.json$/, ""))
  .join(" ");

/**
 * A region data file's text, as the worker hands it to Python.
 * @param {string} name `index.json`, `KR.json`
 */
function regionFile(name) {
  const path = join(regionsDir, name);
  if (!existsSync(path)) throw new Error(`no region file ${path}`);
  return readFileSync(path, "utf8");
}

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
    env: { PYTHONTZPATH: ZONEINFO },
    ...options,
  });
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "zip", { extractDir: sitePackages });
  pyodide.runPython(
    `import sys; f = sys.path_importer_cache.get(${JSON.stringify(sitePackages)}); f and f.invalidate_caches()`,
  );
  pyodide.FS.mkdirTree(ZONEINFO);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: zoneinfoDir }, ZONEINFO);
  const calculator = pyodide.pyimport("calculator");
  if (!("_loadSnapshot" in options)) calculator.use_region_codes(REGION_CODES); // a snapshot knows them
  /** @param {string} request */
  const handle = (request) => {
    // As the worker does (calculator/worker-regions.js): the index first, for a region typed
    // by name, then the region files; each round asks Python again.
    for (let round = 0; round < 2; round++) {
      for (const name of calculator.region_files_needed(request).split(" ").filter(Boolean)) {
        if (name === "index.json") calculator.use_region_index(regionFile(name));
        else calculator.add_region(regionFile(name));
      }
    }
    return /** @type {string} */ (calculator.handle_request(request));
  };
  return { pyodide, handle };
}

/** @param {string} text */
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

const fresh = await start({ _makeSnapshot: true });
const answers = [];
const failures = [];
let planned = 0;
for (const [index, request] of corpus.entries()) {
  try {
    const text = fresh.handle(request);
    answers.push(sha256(text));
    if (JSON.parse(text).ok === true) planned += 1;
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
  JSON.stringify({ files: [...files].sort(), answers, failures, answered: answers.length - failures.length, planned }),
);
