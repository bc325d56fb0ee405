// @ts-check
/**
 * The widget's loading status: `data-status` on the widget (the readiness marker tests and
 * the benchmark wait on), a status line for loads slow enough to notice, and the failure
 * alert with Retry.
 *
 * @typedef {import("./engine-state.js").EngineState} EngineState
 * @typedef {import("./engine.js").Engine} Engine
 */

import { part } from "./view.js";

/** A load that finishes sooner than this never shows a status line. */
export const STATUS_DELAY_MS = 400;

/** What the status line says at each stage of Python's start. */
const STAGE_TEXT = {
  waiting: "",
  downloading: "Downloading Python…",
  starting: "Starting the calculator…",
  ready: "Ready.",
};

/** The widget's `data-status` for each phase (the markers the tests wait on). */
const DATA_STATUS = { starting: "loading", ready: "ready", failed: "error" };

/**
 * The status line's text.
 * @param {EngineState} state
 * @param {boolean} shown whether the line has been showing this load (it was slow)
 */
export function statusLine(state, shown) {
  if (!shown) return "";
  return state.phase === "failed" ? "" : STAGE_TEXT[state.stage];
}

/**
 * Whether a load is under way that the reader may be waiting on.
 * @param {EngineState} state
 */
export function loading(state) {
  return state.phase === "starting" && state.stage !== "waiting";
}

/**
 * Keep the widget's status in step with the engine.
 * @param {HTMLElement} root the widget
 * @param {Engine} engine
 * @returns {() => void} stops
 */
export function mountStatus(root, engine) {
  const line = part(root, "status");
  const failure = part(root, "load-error");
  let shown = false;
  let timer = 0;
  /** @param {EngineState} state */
  const show = (state) => {
    root.dataset.status = DATA_STATUS[state.phase];
    // Markers for tests and the benchmark, not for readers.
    root.dataset.pythonStart = state.start;
    root.dataset.pythonSnapshot = state.snapshot;
    failure.hidden = state.phase !== "failed";
    part(root, "failure-message").textContent = state.failure;
    failure.dataset.detail = state.detail;
    if (loading(state) && !shown && !timer) {
      timer = window.setTimeout(() => {
        shown = loading(engine.state);
        line.textContent = statusLine(engine.state, shown);
      }, STATUS_DELAY_MS);
    }
    line.textContent = statusLine(state, shown);
    if (!loading(state)) {
      window.clearTimeout(timer);
      timer = 0;
      shown = false;
    }
  };
  const stop = engine.subscribe(show);
  return () => {
    stop();
    window.clearTimeout(timer);
  };
}
