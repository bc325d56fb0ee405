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
 * @typedef {import("./protocol-types").SavedInterview} SavedInterview
 * @typedef {import("./protocol-types").InterviewSummary} InterviewSummary
 * @typedef {import("./protocol-types").NextStep} NextStep
 * @typedef {{ok: true, plan: Plan} | {ok: false, error: Problem}} PlanAnswer
 * @typedef {{ok: true, interviews: InterviewSummary[], ics: string} | {ok: false, error: Problem}} InterviewsAnswer
 * @typedef {{today: string, tz?: string, dtstamp?: string}} ReaderClock the reader's date
 *   (YYYY-MM-DD), time zone and, when a calendar file is wanted, this instant
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
      return Number.isInteger(message.id) && typeof message.answer === "string";
    case "snapshot":
      return typeof message.kept === "boolean";
    default:
      return false;
  }
}

/**
 * @param {unknown} fields
 * @returns {boolean}
 */
function isFields(fields) {
  return isObject(fields) && Object.values(fields).every((value) => typeof value === "string");
}

/**
 * Whether `message` is a question from the page, of this version.
 * @param {unknown} message
 * @returns {message is ToWorker}
 */
export function isToWorker(message) {
  if (!isObject(message) || message.v !== PROTOCOL_VERSION || !Number.isInteger(message.id)) return false;
  if (message.type === "plan") return isFields(message.fields);
  return (
    message.type === "interviews" &&
    typeof message.today === "string" &&
    ["string", "undefined"].includes(typeof message.tz) &&
    ["string", "undefined"].includes(typeof message.dtstamp) &&
    Array.isArray(message.interviews) &&
    message.interviews.every((entry) => isObject(entry) && typeof entry.key === "string" && isFields(entry.fields))
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
 * The page's saved interviews, to be replanned on the reader's clock (with its `dtstamp`:
 * and put in one calendar file).
 * @param {number} id
 * @param {SavedInterview[]} interviews
 * @param {ReaderClock} clock
 * @returns {ToWorker}
 */
export function interviewsRequest(id, interviews, clock) {
  return { v: PROTOCOL_VERSION, type: "interviews", id, interviews, ...clock };
}

/**
 * The worker's request to Python for a question of the page, as the JSON text
 * `calculator.handle_request` reads.
 * @param {ToWorker} message
 */
export function pythonRequest(message) {
  if (message.type === "plan") return JSON.stringify({ v: PROTOCOL_VERSION, fields: message.fields });
  const { interviews, today, tz, dtstamp } = message;
  return JSON.stringify({ v: PROTOCOL_VERSION, kind: "interviews", interviews, today, tz, dtstamp });
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
 * Python's answer as the worker posts it (its JSON text), read. Text that is no answer (a
 * bug of ours) reads as our fault, said plainly.
 * @param {string} text
 * @returns {Answer}
 */
export function readAnswer(text) {
  try {
    const answer = JSON.parse(text);
    if (isObject(answer) && typeof answer.ok === "boolean") return /** @type {Answer} */ (answer);
  } catch {
    // falls through to the plain message
  }
  return { v: PROTOCOL_VERSION, ok: false, error: { field: null, message: OUR_FAULT, code: "bad_answer" } };
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

/**
 * Python's answer to an interviews request, narrowed like `planAnswer`.
 * @param {Answer} answer
 * @returns {InterviewsAnswer}
 */
export function interviewsAnswer(answer) {
  if (answer.ok && "interviews" in answer) return { ok: true, interviews: answer.interviews, ics: answer.ics ?? "" };
  if (!answer.ok) return { ok: false, error: answer.error };
  return { ok: false, error: { field: null, message: OUR_FAULT, code: "bad_answer" } };
}
