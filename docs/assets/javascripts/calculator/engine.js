// @ts-check
/**
 * The worker client: one Web Worker running Python, shared by every widget of the visit.
 *
 * Its state is one value (engine-state.js) that subscribers are told about on every change.
 * Python starts when `start` is first called, and not before; `retry` throws a failed worker
 * away and starts another. Questions asked while Python starts wait in the worker.
 */

import { interviewsRequest, isFromWorker, planRequest, readAnswer } from "./protocol.js";
import { CRASHED, INITIAL, LOAD_FAILED, TOO_SLOW, failed, heard, started } from "./engine-state.js";

/** How long Python may take to start before the engine gives up and offers Retry. */
const LOAD_TIMEOUT_MS = 60_000;

/**
 * @typedef {import("./engine-state.js").EngineState} EngineState
 * @typedef {import("./protocol.js").Answer} Answer
 * @typedef {import("./protocol.js").Fields} Fields
 * @typedef {import("./protocol.js").SavedInterview} SavedInterview
 * @typedef {import("./protocol.js").ToWorker} ToWorker
 */

export class Engine {
  /**
   * @param {URL} workerUrl the worker module (calculator-worker.js), with its version query
   * @param {URL} runtime the folder holding pyodide.mjs
   * @param {URL} lock the site's pyodide-lock.json
   */
  constructor(workerUrl, runtime, lock) {
    this.workerUrl = workerUrl;
    this.runtime = runtime;
    this.lock = lock;
    /** @type {EngineState} */
    this.state = INITIAL;
    /** @type {Set<(state: EngineState) => void>} */
    this.subscribers = new Set();
    /** @type {Map<number, (answer: Answer) => void>} */
    this.waiting = new Map();
    this.nextId = 1;
    /** @type {Worker | null} */
    this.worker = null;
    this.timer = 0;
  }

  /**
   * Be told of every change of state, and of the present one at once.
   * @param {(state: EngineState) => void} subscriber
   * @returns {() => void} stops telling this subscriber
   */
  subscribe(subscriber) {
    this.subscribers.add(subscriber);
    subscriber(this.state);
    return () => this.subscribers.delete(subscriber);
  }

  /** @param {EngineState} state */
  set(state) {
    this.state = state;
    for (const subscriber of this.subscribers) subscriber(state);
  }

  /** Start the worker, unless it runs or has failed (Retry restarts a failed one). */
  start() {
    if (this.worker || this.state.phase === "failed") return;
    const url = new URL(this.workerUrl);
    url.searchParams.set("runtime", this.runtime.href);
    url.searchParams.set("lock", this.lock.href);
    const worker = new Worker(url, { type: "module" });
    let spoke = false;
    worker.addEventListener("message", (event) => {
      spoke = true;
      this.receive(event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      // A worker that never spoke is one whose script never arrived.
      this.fail(spoke ? CRASHED : LOAD_FAILED, event.message ?? "");
    });
    this.worker = worker;
    const limit = Number(/** @type {any} */ (globalThis).SECOND_DATE_LOAD_TIMEOUT_MS) || LOAD_TIMEOUT_MS;
    this.timer = window.setTimeout(() => this.fail(TOO_SLOW), limit);
    this.set(started(this.state));
  }

  /** Throw the failed worker away and start a fresh one. */
  retry() {
    this.worker?.terminate();
    this.worker = null;
    this.set(started(this.state));
    this.start();
  }

  /** @param {unknown} message */
  receive(message) {
    if (!isFromWorker(message)) return;
    if (message.type === "answer") {
      const resolve = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      resolve?.(readAnswer(message.answer));
      return;
    }
    if (message.type === "failed") {
      this.fail(LOAD_FAILED, message.message);
      return;
    }
    if (message.type === "status" && message.stage === "ready") window.clearTimeout(this.timer);
    this.set(heard(this.state, message));
  }

  /**
   * @param {string} failure what the reader is told
   * @param {string} [detail] what went wrong, for whoever inspects the page
   */
  fail(failure, detail = "") {
    window.clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
    this.waiting.clear(); // their widgets ask again after Retry
    this.set(failed(this.state, failure, detail));
  }

  /**
   * Ask Python. A question lost to a failure is never answered (the widget asks again
   * after Retry).
   * @param {Fields} fields
   * @returns {Promise<Answer>}
   */
  ask(fields) {
    return this.send((id) => planRequest(id, fields));
  }

  /**
   * Ask Python to replan the reader's saved interviews on the reader's clock (with its
   * `dtstamp`: and to put them in one calendar file). Lost to a failure like `ask`.
   * @param {SavedInterview[]} interviews
   * @param {import("./protocol.js").ReaderClock} clock
   * @returns {Promise<Answer>}
   */
  askInterviews(interviews, clock) {
    return this.send((id) => interviewsRequest(id, interviews, clock));
  }

  /**
   * Start Python if need be and post one question.
   * @param {(id: number) => ToWorker} question the message, given its id
   * @returns {Promise<Answer>}
   */
  send(question) {
    this.start();
    return new Promise((resolve) => {
      if (!this.worker) return;
      const id = this.nextId++;
      this.waiting.set(id, resolve);
      this.worker.postMessage(question(id));
    });
  }

  /** Stop the worker for good (another runtime is wanted). */
  close() {
    window.clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
    this.subscribers.clear();
  }
}

/** @type {Engine | null} */
let shared = null;

/**
 * The visit's one engine for this runtime and lock file (a new one if they changed).
 * @param {URL} workerUrl
 * @param {URL} runtime
 * @param {URL} lock
 */
export function engineFor(workerUrl, runtime, lock) {
  if (!shared || shared.runtime.href !== runtime.href || shared.lock.href !== lock.href) {
    shared?.close();
    shared = new Engine(workerUrl, runtime, lock);
  }
  return shared;
}

