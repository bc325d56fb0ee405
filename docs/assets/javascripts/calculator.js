// @ts-check
/**
 * The calculator's glue: mounts every component on each page Material shows, and unmounts
 * what the last page's components added. A component is an element marked
 * `data-sd-component`: the calculator widget (./calculator/widget.js), its "Save this plan"
 * (saved.js), and My interviews (interviews.js). Each component's module is fetched only on
 * pages holding one. The parts, one job each, are in ./calculator/: the protocol, the worker
 * client (engine.js), the form's state (form-state.js, form.js), the answer (view.js), the
 * status line (status.js), the reader's saved interviews (store.js, interview-*.js).
 *
 * Loaded `async` from every page's head (overrides/main.html), so it may run while the page is
 * still parsed, before Material's own script. The worker outlives navigation: Python starts
 * once per visit, and not before it is wanted (the page is idle, the form comes near the
 * screen, the reader touches it, or the address already holds a question).
 */

import { asksQuestion } from "./calculator/address.js";
import { engineFor } from "./calculator/engine.js";
import { onEveryPage } from "./calculator/pages.js";

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

/**
 * How to mount each kind of component, once its module has arrived (each a module of its
 * own, imported on first use). Mounting returns what unmounts it.
 * @type {Record<string, () => Promise<(root: HTMLElement) => () => void>>}
 */
const COMPONENTS = {
  calculator: async () => {
    const { mountWidget } = await import("./calculator/widget.js");
    return (root) => mountWidget(root, engineOf(root));
  },
  "save-plan": async () => (await import("./calculator/saved.js")).mountSave,
  interviews: async () => {
    const { mountInterviews } = await import("./calculator/interviews.js");
    return (root) => mountInterviews(root, engineOf(root));
  },
};

/**
 * The loader of a kind of component, or null for a name this page's code does not know.
 * @param {string} name
 */
function loaderOf(name) {
  return Object.hasOwn(COMPONENTS, name) ? COMPONENTS[name] : null;
}

/** @type {Map<HTMLElement, () => void>} the mounted components, and how to unmount each */
const mounted = new Map();

/**
 * Unmount the components instant navigation took away, and mount the page's new ones, in
 * the page's order (a widget before the save control inside it), once their modules are in.
 */
async function mountPage() {
  for (const [root, unmount] of mounted) {
    if (!root.isConnected) {
      unmount();
      mounted.delete(root);
    }
  }
  const roots = /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[data-sd-component]")]);
  const found = roots.flatMap((root) => {
    const load = loaderOf(root.dataset.sdComponent ?? "");
    return load && !mounted.has(root) ? [{ root, load }] : [];
  });
  const mounts = await Promise.all(found.map(({ load }) => load()));
  found.forEach(({ root }, index) => {
    if (root.isConnected && !mounted.has(root)) mounted.set(root, mounts[index](root));
  });
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
  if (!(script instanceof HTMLElement)) return;
  // The page's components (named by the build): their modules download while the page parses.
  for (const name of (script.dataset.components ?? "").split(" ")) void loaderOf(name)?.();
  if (asksQuestion(new URLSearchParams(window.location.search))) {
    const engine = engineOf(script);
    requestAnimationFrame(() => setTimeout(() => engine.start()));
  }
}

startEarly();
// The widgets are wired once the page is parsed, in a task of their own, not inside
// Material's (already long) task that emits the page.
const follow = () => onEveryPage(() => setTimeout(() => void mountPage()));
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", follow, { once: true });
} else {
  follow();
}
