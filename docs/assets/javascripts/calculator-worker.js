// @ts-check
/**
 * The calculator's worker: loads Pyodide and the calculator wheel, then answers the page.
 *
 * Started by calculator.js as a module worker, with two URLs in its own query string:
 * `runtime` (the folder holding pyodide.mjs) and `lock` (the site's pyodide-lock.json,
 * beside the wheel it names). No date logic lives here: requests go to Python as they are.
 *
 * Messages to the page, all carrying `v` (the protocol version):
 *   {type: "status", stage: "downloading" | "starting" | "ready"}
 *   {type: "failed", message}                    the calculator cannot start
 *   {type: "answer", id, answer}                 answer = calculator.handle_request's JSON
 * Messages from the page:
 *   {v, type: "plan", id, fields: {name: string}}
 */

const PROTOCOL_VERSION = 1;

/** @param {object} message */
function post(message) {
  self.postMessage({ v: PROTOCOL_VERSION, ...message });
}

const params = new URL(self.location.href).searchParams;

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

/** @returns {Promise<(request: string) => string>} */
async function start() {
  const runtime = params.get("runtime");
  const lock = params.get("lock");
  if (!runtime || !lock) {
    throw new Error("the worker was started without its runtime and lock URLs");
  }
  post({ type: "status", stage: "downloading" });
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  // Pyodide only logs a failed WebAssembly start (a 404 or a broken download) and then
  // waits forever; watching the instantiation lets the widget say so at once.
  const wasmFailed = watchWasm();
  /** @type {string[]} */
  const problems = [];
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: runtime,
      lockFileURL: lock,
      checkIntegrity: true,
      stdout: () => {},
      stderr: (/** @type {string} */ line) => problems.push(line),
    }),
    wasmFailed,
  ]);
  post({ type: "status", stage: "starting" });
  // loadPackage resolves (with fewer packages) rather than rejecting on a 404 or a bad
  // hash, so check that the calculator really arrived.
  const loaded = await pyodide.loadPackage("calculator", {
    messageCallback: () => {},
    errorCallback: (/** @type {string} */ line) => problems.push(line),
  });
  if (!loaded.some((/** @type {{name: string}} */ pkg) => pkg.name === "calculator")) {
    throw new Error(`the calculator package did not load${problems.length ? `: ${problems.join("; ")}` : ""}`);
  }
  const handle = pyodide.pyimport("calculator").handle_request;
  return (request) => handle(request);
}

const ready = start();

ready.then(
  () => post({ type: "status", stage: "ready" }),
  (error) => post({ type: "failed", message: String(error?.message ?? error) }),
);

self.addEventListener("message", async (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (message?.v !== PROTOCOL_VERSION || message.type !== "plan") {
    return;
  }
  let handle;
  try {
    handle = await ready;
  } catch {
    return; // the page was told once, through the "failed" message
  }
  try {
    const answer = JSON.parse(handle(JSON.stringify({ v: PROTOCOL_VERSION, fields: message.fields })));
    post({ type: "answer", id: message.id, answer });
  } catch (error) {
    // Reader input never lands here (Python answers it with an error naming the field):
    // this is a bug of ours, so say so in the console and give the page a plain message.
    console.error(error);
    post({
      type: "answer",
      id: message.id,
      answer: { ok: false, error: { field: null, message: "Something went wrong on our side. Please try again." } },
    });
  }
});
