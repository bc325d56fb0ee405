/**
 * Compile a zip of Python modules to bytecode with the pinned runtime's own Python: Pyodide's
 * npm package under Node. Run by build_tools/_bytecode.py:
 *
 *   node build_tools/bytecode.mjs RUNTIME_DIR IN_ZIP OUT_ZIP PYC_ZIP_PY
 *
 * PYC_ZIP_PY is build_tools/pyc_zip.py, whose `compile_zip` does the work. Python runs without
 * its column tables (PYTHONNODEBUGRANGES, as `python -X no_debug_ranges`), so the code keeps
 * its line numbers but not the column spans tracebacks underline with: about a quarter smaller.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [runtimeDir, inZip, outZip, moduleFile] = process.argv.slice(2);
if (!moduleFile) {
  console.error("usage: node build_tools/bytecode.mjs RUNTIME_DIR IN_ZIP OUT_ZIP PYC_ZIP_PY");
  process.exit(2);
}
const indexURL = runtimeDir.endsWith("/") ? runtimeDir : `${runtimeDir}/`;
const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL, env: { PYTHONNODEBUGRANGES: "1" }, stdout: () => {} });
pyodide.FS.writeFile("/tmp/pyc_zip.py", readFileSync(moduleFile));
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(inZip));
pyodide.runPython(`
import sys
sys.path.insert(0, "/tmp")
import pyc_zip
columns = next(compile("x", "", "exec").co_positions())[2]
if columns is not None:
    raise RuntimeError("PYTHONNODEBUGRANGES did not take: the code still has column tables")
stdlib = next(p for p in sys.path if p.endswith(".zip"))
with open("/tmp/in.zip", "rb") as f, open("/tmp/out.zip", "wb") as out:
    out.write(pyc_zip.compile_zip(f.read(), stdlib + "/"))
`);
writeFileSync(outZip, pyodide.FS.readFile("/tmp/out.zip"));
