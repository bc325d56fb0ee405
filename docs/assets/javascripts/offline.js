// @ts-check
/**
 * Makes the site work offline after one visit: registers the service worker (sw.js at the
 * site root) and, on pages running Python (the calculator, My interviews), asks it to keep
 * the Python runtime too.
 *
 * Says how far it got on <html data-offline="…">: "pages" once the site's pages are kept,
 * "calculator" once the calculator is kept as well. Loaded by the theme override
 * (overrides/main.html) in built sites only, not under `mkdocs serve`.
 */

import { onEveryPage } from "./calculator/pages.js";

/** The site root, found from this module's own address so the site works under a sub-path. */
const SITE_ROOT = new URL("../../", import.meta.url);
/** A component running Python: it names the runtime, and says how far Python got (`data-status`). */
const WIDGET = "[data-sd-component][data-runtime][data-status]";

/** @param {"pages" | "calculator"} stage */
function announce(stage) {
  if (document.documentElement.dataset.offline !== "calculator") {
    document.documentElement.dataset.offline = stage;
  }
}

/**
 * Ask the active service worker to keep the runtime and the wheel, and the time zone files
 * of the widget's region and of the reader (`data-zones`), so the plan keeps both clocks
 * offline; resolves once it has.
 * @param {ServiceWorker} worker
 * @param {HTMLElement} widget
 * @returns {Promise<void>}
 */
function keepCalculator(worker, widget) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      if (event.data?.type === "kept") {
        resolve();
      } else {
        reject(new Error(event.data?.message ?? "the service worker did not answer"));
      }
    };
    const zones = (widget.dataset.zones ?? "").split(" ").filter(Boolean);
    worker.postMessage({ type: "keep-calculator", zones }, [channel.port2]);
  });
}

/**
 * Resolves once the calculator in `widget` has one of the `statuses` ("ready": its worker
 * has downloaded the runtime, so keeping it offline now comes from the browser's HTTP cache
 * rather than a second download of the same 13 MB alongside the first).
 * @param {HTMLElement} widget
 * @param {string[]} [statuses]
 * @returns {Promise<void>}
 */
function whenReady(widget, statuses = ["ready"]) {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (statuses.includes(widget.dataset.status ?? "")) {
        observer.disconnect();
        resolve();
      }
    };
    observer.observe(widget, { attributes: true, attributeFilter: ["data-status"] });
    check();
  });
}

async function start() {
  await navigator.serviceWorker.register(new URL("sw.js", SITE_ROOT), { scope: SITE_ROOT.pathname });
  const registration = await navigator.serviceWorker.ready;
  announce("pages");
  let kept = false;
  /** @type {HTMLElement | null} the widget whose readiness is awaited, if any */
  let watching = null;
  const onPage = () => {
    const widget = /** @type {HTMLElement | null} */ (document.querySelector(WIDGET));
    if (kept || !widget || widget === watching) {
      return;
    }
    watching = widget; // a widget left behind by navigation is replaced by the new page's
    whenReady(widget)
      .then(() => keepCalculator(/** @type {ServiceWorker} */ (registration.active), widget))
      .then(
        () => {
          kept = true;
          announce("calculator");
        },
        (error) => {
          watching = null; // the next page with the calculator asks again
          console.warn(`The calculator is not available offline: ${error.message}`);
        },
      );
  };
  onEveryPage(onPage);
}

if ("serviceWorker" in navigator) {
  // After the page has loaded, and after the calculator (if the page has one) has started
  // or failed: keeping the site's pages then takes nothing from the page, nor from Python's
  // start-up (on two cores, installing the worker beside it made the first answer slower).
  const begin = () => {
    const widget = /** @type {HTMLElement | null} */ (document.querySelector(WIDGET));
    (widget ? whenReady(widget, ["ready", "error"]) : Promise.resolve())
      .then(start)
      .catch((error) => console.warn(`The site is not available offline: ${error.message ?? error}`));
  };
  if (document.readyState === "complete") {
    begin();
  } else {
    window.addEventListener("load", begin, { once: true });
  }
}
