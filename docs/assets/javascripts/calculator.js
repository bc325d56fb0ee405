// @ts-check
/**
 * The calculator's glue: mounts every widget on each page Material shows, and unmounts what
 * the last page's widgets added. The parts, one job each, are in ./calculator/: the protocol,
 * the worker client (engine.js), the form's state (form-state.js, form.js), the answer
 * (view.js), the status line (status.js).
 *
 * Loaded `async` from every page's head (overrides/main.html), so it may run while the page is
 * still parsed, before Material's own script. The worker outlives navigation: Python starts
 * once per visit, and not before it is wanted (the page is idle, the form comes near the
 * screen, the reader touches it, or the address already holds a question).
 */

import { engineFor } from "./calculator/engine.js";
import { asksQuestion } from "./calculator/form-state.js";
import { onEveryPage } from "./calculator/pages.js";
import { mountWidget } from "./calculator/widget.js";

/** The site root, found from this module's own address so the site works under a sub-path. */
const SITE_ROOT = new URL("../../", import.meta.url);
/** The worker sits beside this module and carries the same version query, if any. */
const WORKER_URL = new URL(`calculator-worker.js${new URL(import.meta.url).search}`, import.meta.url);

/**
 * The engine for the runtime and lock file an element names (`data-runtime`, `data-lock`).
 * @param {HTMLElement} element
 */
function engineOf(element) {
  const { runtime = "", lock = "" } = element.dataset;
  return engineFor(WORKER_URL, new URL(runtime, SITE_ROOT), new URL(lock, SITE_ROOT));
}

/** @type {Map<HTMLElement, () => void>} the mounted widgets, and how to unmount each */
const mounted = new Map();

/** Unmount the widgets instant navigation took away, and mount the page's new ones. */
function mountPage() {
  for (const [root, unmount] of mounted) {
    if (!root.isConnected) {
      unmount();
      mounted.delete(root);
    }
  }
  for (const root of document.querySelectorAll('[data-sd-component="calculator"]')) {
    const widget = /** @type {HTMLElement} */ (root);
    if (!mounted.has(widget)) mounted.set(widget, mountWidget(widget, engineOf(widget)));
  }
}

/**
 * When the address already asks a question, start Python as soon as the page has drawn its
 * first frame, while the rest is still parsed, rather than when the widget is wired: Python's
 * start-up is the long pole. Not before that frame: compiling the runtime would compete with
 * drawing the article (measured: the article painted later and less evenly, the answer came
 * no sooner). On the page holding the calculator, this module's own `<script>` names the
 * runtime and the lock file (overrides/main.html); elsewhere there is nothing to start.
 */
function startEarly() {
  const script = document.querySelector("script[data-runtime][data-lock]");
  if (asksQuestion(new URLSearchParams(window.location.search)) && script instanceof HTMLElement) {
    const engine = engineOf(script);
    requestAnimationFrame(() => setTimeout(() => engine.start()));
  }
}

startEarly();
// The widgets are wired once the page is parsed, in a task of their own, not inside
// Material's (already long) task that emits the page.
const follow = () => onEveryPage(() => setTimeout(mountPage));
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", follow, { once: true });
} else {
  follow();
}
