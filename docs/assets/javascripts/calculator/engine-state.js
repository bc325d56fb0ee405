// @ts-check
/**
 * The calculator engine's state, as one value, and how each event changes it: pure
 * functions, so the worker client (engine.js) holds no state of its own beyond this value.
 *
 * `phase` is "starting" (until Python can answer), "ready" or "failed". `stage` says how
 * far a start has got, `failure` what the reader is told when it failed, `detail` what went
 * wrong for whoever inspects the page, `start` how Python started ("fresh" or "snapshot")
 * and `snapshot` whether this visit's memory snapshot was kept ("kept", "not-kept").
 *
 * @typedef {import("./protocol.js").FromWorker} FromWorker
 * @typedef {"waiting" | "downloading" | "starting" | "ready"} Stage
 * @typedef {{phase: "starting" | "ready" | "failed", stage: Stage, failure: string, detail: string,
 *   start: string, snapshot: string}} EngineState
 */

/** Said when the runtime never arrived or could not start. */
export const LOAD_FAILED = "The calculator could not load. Check your connection, then press Retry.";
/** Said when a worker that had spoken stops. */
export const CRASHED = "The calculator stopped unexpectedly. Press Retry to start it again.";
/** Said when Python takes longer to start than the engine waits. */
export const TOO_SLOW = "The calculator is taking too long to load. Check your connection, then press Retry.";

/** @type {EngineState} */
export const INITIAL = Object.freeze({
  phase: "starting",
  stage: "waiting",
  failure: "",
  detail: "",
  start: "",
  snapshot: "",
});

/**
 * The state once a worker has been started (a first start, or Retry).
 * @param {EngineState} state
 * @returns {EngineState}
 */
export function started(state) {
  return { ...state, phase: "starting", stage: "downloading", failure: "", detail: "" };
}

/**
 * The state after a message from the worker (answers change nothing here).
 * @param {EngineState} state
 * @param {FromWorker} message
 * @returns {EngineState}
 */
export function heard(state, message) {
  switch (message.type) {
    case "status":
      return message.stage === "ready"
        ? { ...state, phase: "ready", stage: "ready", start: message.start ?? "" }
        : { ...state, stage: message.stage };
    case "snapshot":
      return { ...state, snapshot: message.kept ? "kept" : "not-kept" };
    case "failed":
      return failed(state, LOAD_FAILED, message.message);
    default:
      return state;
  }
}

/**
 * The state once the engine has given up: `failure` is shown to the reader with Retry.
 * @param {EngineState} state
 * @param {string} failure
 * @param {string} [detail]
 * @returns {EngineState}
 */
export function failed(state, failure, detail = "") {
  return { ...state, phase: "failed", failure, detail };
}
