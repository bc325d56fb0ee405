// The floor's worker: load Pyodide as the calculator's worker does, run one statement, answer.
addEventListener("message", async (event) => {
  const { runtime, lock } = event.data;
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({ indexURL: runtime, lockFileURL: lock });
  postMessage(pyodide.runPython("1+1"));
});
