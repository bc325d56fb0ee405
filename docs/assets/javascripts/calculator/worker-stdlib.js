// @ts-check
/**
 * Which standard library the calculator's worker starts Python with, and the way back to the
 * full one.
 *
 * Pyodide's own standard library (python_stdlib.zip, 2.5 MB) holds all of Python's; the site
 * also ships a pruned one, beside the wheel and the lock file, with only the files the worker
 * and the calculator were seen to import (build_tools/_stdlib.py), about a sixth of the size.
 * The worker starts with the pruned one. Should an import ever miss (a path the trace did not
 * see: Python raises ImportError or ModuleNotFoundError), it starts a second Python with the
 * runtime's full library, answers from it from then on, and says so once in the console.
 */

/** The file name of a standard library's zip, Pyodide's and ours alike. */
const STDLIB_ZIP = "python_stdlib.zip";

/**
 * The two standard libraries: the pruned one beside the site's lock file, and the runtime's.
 * @param {string} runtime the runtime's folder (ends with "/")
 * @param {string} lock the site's pyodide-lock.json
 * @returns {{pruned: string, full: string}}
 */
export function stdlibAddresses(runtime, lock) {
  return { pruned: new URL(STDLIB_ZIP, lock).href, full: new URL(STDLIB_ZIP, runtime).href };
}

/**
 * Whether `error` is Python failing to import (Pyodide's PythonError names the exception's
 * type; an error raised while Pyodide itself starts may only say it in its message).
 * @param {unknown} error
 */
export function missingModule(error) {
  const { type = "", message = "" } = /** @type {{type?: unknown, message?: unknown}} */ (error ?? {});
  return (
    type === "ModuleNotFoundError" ||
    type === "ImportError" ||
    (typeof message === "string" && /^(?:ModuleNotFoundError|ImportError): /m.test(message))
  );
}

/**
 * The line of a Python error that names what was missing.
 * @param {unknown} error
 */
function missingWhat(error) {
  const message = String(/** @type {{message?: unknown}} */ (error ?? {}).message ?? error);
  return message.match(/^(?:ModuleNotFoundError|ImportError): .*$/m)?.[0] ?? message;
}

/**
 * @template {{handle: (request: string) => string | Promise<string>}} P
 * @typedef {object} FallingBack
 * @property {Promise<P>} ready the first Python able to answer: from the pruned library, or
 *   from the full one if the pruned one lacked a module already at the start
 * @property {(request: string) => Promise<{python: P, text: string}>} handle answers a request
 *   (and says which Python did): on a missing module, again with the full library's Python
 * @property {(python: P) => boolean} isFallback whether `python` runs on the full library
 */

/**
 * Start Python with the pruned standard library, falling back to the full one on a missing
 * module, at the start or in any later answer. The fallback happens at most once.
 * @template {{handle: (request: string) => string | Promise<string>}} P
 * @param {(stdlib: string) => Promise<P>} start starts a Python from the standard library at this address
 * @param {{pruned: string, full: string}} stdlibs
 * @param {(message: string) => void} [report] where the fallback is reported, once
 * @returns {FallingBack<P>}
 */
export function startWithFallback(start, stdlibs, report = (message) => console.warn(message)) {
  /** @type {Promise<P> | null} */
  let full = null;
  /** @type {P | null} */
  let fullPython = null;
  /** @param {unknown} error */
  const fallBack = (error) => {
    if (!missingModule(error)) {
      throw error;
    }
    if (!full) {
      report(
        `The calculator's pruned standard library lacked a module (${missingWhat(error)}); ` +
          `it answers with Pyodide's full library instead. Trace it again: make stdlib-trace.`,
      );
      full = start(stdlibs.full).then((python) => (fullPython = python));
    }
    return full;
  };
  const ready = start(stdlibs.pruned).catch(fallBack);
  return {
    ready,
    async handle(request) {
      const python = await (full ?? ready);
      try {
        return { python, text: await python.handle(request) };
      } catch (error) {
        if (python === fullPython) {
          throw error; // the full library lacks nothing: a bug of ours
        }
        const again = await fallBack(error);
        return { python: again, text: await again.handle(request) };
      }
    },
    isFallback: (python) => python === fullPython,
  };
}
