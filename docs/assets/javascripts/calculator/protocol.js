// @ts-check
/**
 * The messages between the page and the calculator's worker, and the worker and Python.
 *
 * Their one definition is `protocol.schema.json` beside this file; the types below are
 * generated from it (`make lint` writes `protocol-types.d.ts`), and Python's answers are
 * validated against it by the unit tests. Page and worker both import this module.
 *
 * @typedef {import("./protocol-types").Fields} Fields
 * @typedef {import("./protocol-types").Plan} Plan
 * @typedef {import("./protocol-types").PlanText} PlanText
 * @typedef {import("./protocol-types").Step} Step
 * @typedef {import("./protocol-types").Problem} Problem
 * @typedef {import("./protocol-types").Answer} Answer
 * @typedef {import("./protocol-types").ToWorker} ToWorker
 * @typedef {import("./protocol-types").FromWorker} FromWorker
 * @typedef {{ok: true, plan: Plan} | {ok: false, error: Problem}} PlanAnswer
 */

/**
 * A message without its version stamp (each member of a union on its own).
 * @template T
 * @typedef {T extends unknown ? Omit<T, "v"> : never} Unstamped
 */

/** The schema's `Version` (a unit test holds the two equal). */
export const PROTOCOL_VERSION = 2;

/** What the reader sees when something of ours broke: never a traceback. */
export const OUR_FAULT = "Something went wrong on our side. Please try again.";

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether `message` is one the worker sends, of this version.
 * @param {unknown} message
 * @returns {message is FromWorker}
 */
export function isFromWorker(message) {
  if (!isObject(message) || message.v !== PROTOCOL_VERSION) return false;
  switch (message.type) {
    case "status":
      return ["downloading", "starting", "ready"].includes(/** @type {string} */ (message.stage));
    case "failed":
      return typeof message.message === "string";
    case "answer":
      return Number.isInteger(message.id) && isObject(message.answer);
    case "snapshot":
      return typeof message.kept === "boolean";
    default:
      return false;
  }
}

/**
 * Whether `message` is a question from the page, of this version.
 * @param {unknown} message
 * @returns {message is ToWorker}
 */
export function isToWorker(message) {
  return (
    isObject(message) &&
    message.v === PROTOCOL_VERSION &&
    message.type === "plan" &&
    Number.isInteger(message.id) &&
    isObject(message.fields) &&
    Object.values(message.fields).every((value) => typeof value === "string")
  );
}

/**
 * The page's question for the worker.
 * @param {number} id pairs the answer with the question
 * @param {Fields} fields
 * @returns {ToWorker}
 */
export function planRequest(id, fields) {
  return { v: PROTOCOL_VERSION, type: "plan", id, fields };
}

/**
 * The worker's request to Python, as the JSON text `calculator.handle_request` reads.
 * @param {Fields} fields
 */
export function pythonRequest(fields) {
  return JSON.stringify({ v: PROTOCOL_VERSION, fields });
}

/**
 * A message from the worker, stamped with this version.
 * @param {Unstamped<FromWorker>} message
 * @returns {FromWorker}
 */
export function fromWorker(message) {
  return /** @type {FromWorker} */ ({ v: PROTOCOL_VERSION, ...message });
}

/**
 * Python's answer to a plan request, narrowed: a plan, or a problem to show at a field.
 * Anything else (a regions answer, a broken answer) is our fault, said plainly.
 * @param {Answer} answer
 * @returns {PlanAnswer}
 */
export function planAnswer(answer) {
  if (answer.ok && "plan" in answer) return { ok: true, plan: answer.plan };
  if (!answer.ok) return { ok: false, error: answer.error };
  return { ok: false, error: { field: null, message: OUR_FAULT, code: "bad_answer" } };
}
