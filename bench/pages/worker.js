// The worker-alone page's script: run the calculator's own worker, as the loader does, on the
// bench's question plus today's date, and mark the page at the answer. bench/_pages.py inlines
// it into worker.html, the site root's, the runtime's and the lock file's addresses, the
// question (a query string) and the protocol's version filled in.
const root = new URL("{{root}}", location.href);
const url = new URL("assets/javascripts/calculator-worker.js", root);
url.searchParams.set("runtime", new URL("{{runtime}}", root).href);
url.searchParams.set("lock", new URL("{{lock}}", root).href);
const worker = new Worker(url, { type: "module" });
worker.addEventListener("message", ({ data }) => {
  const floor = /** @type {HTMLElement} */ (document.getElementById("floor"));
  if (data.type === "answer") floor.dataset.benchDone = "true";
});
const now = new Date();
const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
const today = day.map((n) => String(n).padStart(2, "0")).join("-");
const fields = { ...Object.fromEntries(new URLSearchParams("{{query}}")), today };
worker.postMessage({ v: Number("{{version}}"), type: "plan", id: 1, fields });
