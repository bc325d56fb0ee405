// @ts-check
/**
 * Makes the site work offline after one visit: registers the service worker (sw.js at the
 * site root) and, on pages holding the calculator, asks it to keep the Python runtime too.
 *
 * Says how far it got on <html data-offline="…">: "pages" once the site's pages are kept,
 * "calculator" once the calculator is kept as well. Loaded by the theme override
 * (overrides/main.html) in built sites only, not under `mkdocs serve`.
 */

/** The site root, found from this module's own address so the site works under a sub-path. */
const SITE_ROOT = new URL("../../", import.meta.url);
const WIDGET = '[data-testid="call-calculator"]';

/** @param {"pages" | "calculator"} stage */
function announce(stage) {
  if (document.documentElement.dataset.offline !== "calculator") {
    document.documentElement.dataset.offline = stage;
  }
}

/**
 * Ask the active service worker to keep the runtime and the wheel; resolves once it has.
 * @param {ServiceWorker} worker
 * @returns {Promise<void>}
 */
function keepCalculator(worker) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      if (event.data?.type === "kept") {
        resolve();
      } else {
        reject(new Error(event.data?.message ?? "the service worker did not answer"));
      }
    };
    worker.postMessage({ type: "keep-calculator" }, [channel.port2]);
  });
}

async function start() {
  if (!("serviceWorker" in navigator)) {
    return;
  }
  await navigator.serviceWorker.register(new URL("sw.js", SITE_ROOT), { scope: SITE_ROOT.pathname });
  const registration = await navigator.serviceWorker.ready;
  announce("pages");
  /** @type {Promise<void> | null} */
  let kept = null;
  const onPage = () => {
    if (kept || !document.querySelector(WIDGET) || !registration.active) {
      return;
    }
    kept = keepCalculator(registration.active).then(
      () => announce("calculator"),
      (error) => {
        kept = null; // the next page with the calculator asks again
        console.warn(`The calculator is not available offline: ${error.message}`);
      },
    );
  };
  // Material's `document$` emits on first load and after every instant navigation.
  const material = /** @type {any} */ (window).document$;
  if (material && typeof material.subscribe === "function") {
    material.subscribe(onPage);
  } else {
    onPage();
  }
}

start().catch((error) => console.warn(`The site is not available offline: ${error.message ?? error}`));
