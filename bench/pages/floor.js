// The floor page's script: start a module worker that loads the site's own Pyodide, from the
// same runtime folder and lock file as the calculator, and mark the page once Python answers.
// bench/_pages.py inlines it into floor.html, the two addresses filled in.
const worker = new Worker(new URL("floor-worker.js", location.href), { type: "module" });
worker.addEventListener("message", (event) => {
  const floor = /** @type {HTMLElement} */ (document.getElementById("floor"));
  floor.textContent = `Python says 1+1 = ${event.data}`;
  floor.dataset.benchDone = "true";
});
worker.postMessage({
  runtime: new URL("{{runtime}}", location.href).href,
  lock: new URL("{{lock}}", location.href).href,
});
