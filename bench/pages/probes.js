// What the benchmark runs inside the pages it opens.
//
// bench/_pages.py sends one exported function at a time, with this whole module around it
// (see `probe` there), so the functions share the helpers below: keep it free of imports.

/** @typedef {{ start: number, duration: number }} Task */
/** @typedef {{ start: number, duration: number, calculator: number }} Frame */
/**
 * What a page showed, collected from before its own scripts ran (see `observe`).
 * @typedef {object} Observed
 * @property {Task[]} longTasks main-thread tasks over 50 ms
 * @property {Frame[] | null} frames long animation frames, with the calculator's scripts' share
 *   of each; null where the browser does not report them
 * @property {number} lcp the largest contentful paint, ms since navigation
 * @property {number} answerAt when the answer first showed, ms since navigation; 0 until then
 */
/** @typedef {{ sourceURL: string, duration: number }} FrameScript */
/** @typedef {PerformanceEntry & { scripts: FrameScript[] }} AnimationFrame */

/** Where `observe` keeps what it collects, on the page's global object. */
const KEY = "__bench";
/** The attributes whose changes may show an answer (see `shown`). */
const WATCHED = ["datetime", "data-bench-done"];

/**
 * Whether the answer shows: the calculator's date, or the floor's (and worker page's) marker.
 * @returns {boolean}
 */
function shown() {
  return Boolean(
    document.querySelector('[data-testid="call-on"] time[datetime]:not([datetime=""])') ||
      document.querySelector("[data-bench-done]"),
  );
}

/**
 * Calls `onShown` once, when the answer first shows (it must not show yet).
 * @param {() => void} onShown
 */
function whenShown(onShown) {
  const observer = new MutationObserver(() => {
    if (shown()) {
      observer.disconnect();
      onShown();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: WATCHED });
}

/**
 * Calls `collect` with each entry of `type` the browser reports, buffered ones first.
 * @param {string} type
 * @param {(entry: PerformanceEntry) => void} collect
 */
function entries(type, collect) {
  new PerformanceObserver((list) => list.getEntries().forEach(collect)).observe({ type, buffered: true });
}

/**
 * Installed in every page before its own scripts (Chromium only): collects long tasks, long
 * animation frames, LCP and when the answer first shows, for `observed`.
 * @param {string} ours a regular expression's source, matching the calculator's script URLs
 */
export function observe(ours) {
  if (typeof document === "undefined") return;
  /** @type {Observed} */
  const bench = { longTasks: [], frames: null, lcp: 0, answerAt: 0 };
  Reflect.set(globalThis, KEY, bench);
  const calculator = new RegExp(ours);
  try {
    entries("longtask", (e) => bench.longTasks.push({ start: e.startTime, duration: e.duration }));
  } catch {}
  if (PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")) {
    const frames = /** @type {Frame[]} */ ([]);
    bench.frames = frames;
    entries("long-animation-frame", (entry) => {
      const frame = /** @type {AnimationFrame} */ (entry);
      const mine = frame.scripts.filter((s) => calculator.test(s.sourceURL));
      const duration = mine.reduce((sum, s) => sum + s.duration, 0);
      frames.push({ start: frame.startTime, duration: frame.duration, calculator: duration });
    });
  }
  try {
    entries("largest-contentful-paint", (e) => (bench.lcp = e.startTime));
  } catch {}
  whenShown(() => (bench.answerAt = performance.now()));
}

/**
 * What `observe` collected so far.
 * @returns {Observed}
 */
export function observed() {
  return Reflect.get(globalThis, KEY);
}

/**
 * Whether `observe` saw the answer show.
 * @returns {boolean}
 */
export function answered() {
  return observed().answerAt > 0;
}

/**
 * For browsers driven over WebDriver (no script before the page's own), run once the page has
 * loaded: resolves with the time since navigation at which the answer shows, or null when it
 * showed before it could be watched (not timed).
 * @returns {Promise<number | null>}
 */
export function answerAt() {
  return new Promise((resolve) => (shown() ? resolve(null) : whenShown(() => resolve(performance.now()))));
}

/**
 * Run in the page once the answer shows: change the reply `count` times and time each new answer.
 * @param {number} count
 * @returns {Promise<number[]>} milliseconds from each change to its answer
 */
export async function roundTrips(count) {
  const input = /** @type {HTMLInputElement} */ (document.querySelector("#cc-reply-count"));
  const time = /** @type {HTMLTimeElement} */ (document.querySelector('[data-testid="call-on"] time'));
  const took = [];
  for (let i = 0; i < count; i++) {
    const before = time.getAttribute("datetime");
    const started = performance.now();
    /** @type {Promise<number>} */
    const answered = new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (time.getAttribute("datetime") !== before) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(time, { attributes: true });
      setTimeout(() => reject(new Error("no new answer within 10 s")), 10000);
    });
    input.value = String(2 + i);
    input.dispatchEvent(new Event("change", { bubbles: true }));
    took.push((await answered) - started);
  }
  return took;
}

/**
 * Run in the page once the answer shows: ask about regions it has not fetched yet, one at a
 * time, and time each until the answer shows the call date Python gives for that region.
 * @param {Array<[string, string]>} asks each region's code and its call date (YYYY-MM-DD)
 * @returns {Promise<number[]>} milliseconds from each change to its answer
 */
export async function newRegions(asks) {
  const input = /** @type {HTMLInputElement} */ (document.querySelector("#cc-region"));
  const time = /** @type {HTMLTimeElement} */ (document.querySelector('[data-testid="call-on"] time'));
  const took = [];
  for (const [region, date] of asks) {
    const started = performance.now();
    /** @type {Promise<number>} */
    const answered = new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (time.getAttribute("datetime") === date) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(time, { attributes: true });
      setTimeout(() => reject(new Error(`no answer for ${region} within 20 s`)), 20000);
    });
    input.value = region;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    took.push((await answered) - started);
  }
  return took;
}

/** @returns {HTMLElement | null} the calculator's widget, if the page has one */
function widget() {
  return document.querySelector('[data-testid="call-calculator"]');
}

/**
 * How the calculator's Python started ("fresh" or "snapshot"); "" on the floor page.
 * @returns {string}
 */
export function pythonStart() {
  return widget()?.dataset.pythonStart ?? "";
}

/**
 * Whether the widget has kept (or failed to keep) its snapshot; true on a page without one.
 * @returns {boolean}
 */
export function snapshotSettled() {
  const found = widget();
  return !found || Boolean(found.dataset.pythonSnapshot);
}

/**
 * Resolves once `snapshotSettled` holds (for browsers driven over WebDriver).
 * @returns {Promise<true>}
 */
export function snapshotSettles() {
  return new Promise((resolve) => {
    if (snapshotSettled()) return resolve(true);
    const observer = new MutationObserver(() => snapshotSettled() && (observer.disconnect(), resolve(true)));
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-python-snapshot"] });
  });
}
