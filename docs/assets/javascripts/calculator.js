// @ts-check
/**
 * The calculator's loader: finds each widget, keeps it in step with the address bar,
 * talks to the worker, and shows what Python answers. No date logic lives here.
 *
 * Loaded once as a module; Material's `document$` tells it about every page, including
 * pages reached by instant navigation, so widgets are set up again after each one. The
 * worker outlives navigation: Python starts once per visit.
 */

const PROTOCOL_VERSION = 1;
/** Loading that finishes sooner than this never shows a status line. */
const STATUS_DELAY_MS = 400;
/** The site root, found from this module's own address so the site works under a sub-path. */
const SITE_ROOT = new URL("../../", import.meta.url);
/** The worker sits beside this module and carries the same version query, if any. */
const WORKER_URL = new URL(`calculator-worker.js${new URL(import.meta.url).search}`, import.meta.url);

const STAGE_TEXT = {
  downloading: "Downloading Python…",
  starting: "Starting the calculator…",
  ready: "Ready.",
};

const HEADLINE_DATE = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * @typedef {{field: string | null, message: string}} FieldProblem
 * @typedef {{ok: true, plan: Record<string, any>} | {ok: false, error: FieldProblem}} Answer
 * @typedef {"loading" | "ready" | "error"} Status
 */

/** One worker, shared by every widget on every page of the visit. */
class Engine {
  /**
   * @param {URL} runtime
   * @param {URL} lock
   */
  constructor(runtime, lock) {
    this.runtime = runtime;
    this.lock = lock;
    /** @type {Status} */
    this.status = "loading";
    this.stage = "downloading";
    this.failure = "";
    /** @type {Set<() => void>} */
    this.listeners = new Set();
    /** @type {Map<number, (answer: Answer) => void>} */
    this.pending = new Map();
    this.nextId = 1;
    /** @type {Worker | null} */
    this.worker = null;
    this.start();
  }

  start() {
    const url = new URL(WORKER_URL);
    url.searchParams.set("runtime", this.runtime.href);
    url.searchParams.set("lock", this.lock.href);
    this.status = "loading";
    this.stage = "downloading";
    this.failure = "";
    const worker = new Worker(url, { type: "module" });
    worker.addEventListener("message", (event) => this.receive(event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail("The calculator stopped unexpectedly.");
    });
    this.worker = worker;
    this.changed();
  }

  /** Stop the current worker and start again; waiting requests are sent once it is ready. */
  retry() {
    this.worker?.terminate();
    this.pending.clear();
    this.start();
  }

  /** @param {any} message */
  receive(message) {
    if (message?.v !== PROTOCOL_VERSION) {
      return;
    }
    if (message.type === "status") {
      this.stage = message.stage;
      if (message.stage === "ready") {
        this.status = "ready";
      }
      this.changed();
    } else if (message.type === "failed") {
      this.fail(`The calculator could not start (${message.message}).`);
    } else if (message.type === "answer") {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.answer);
    }
  }

  /** @param {string} text */
  fail(text) {
    this.worker?.terminate();
    this.worker = null;
    this.status = "error";
    this.failure = text;
    this.pending.clear();
    this.changed();
  }

  changed() {
    for (const listener of this.listeners) {
      listener();
    }
  }

  /**
   * Ask Python for a plan. Resolves once the worker answers; requests sent while it
   * loads wait in the worker until Python is ready.
   * @param {Record<string, string>} fields
   * @returns {Promise<Answer>}
   */
  ask(fields) {
    return new Promise((resolve) => {
      if (!this.worker) {
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.worker.postMessage({ v: PROTOCOL_VERSION, type: "plan", id, fields });
    });
  }
}

/** @type {Engine | null} */
let engine = null;

/**
 * @param {URL} runtime
 * @param {URL} lock
 */
function engineFor(runtime, lock) {
  if (!engine || engine.runtime.href !== runtime.href || engine.lock.href !== lock.href) {
    engine?.worker?.terminate();
    engine = new Engine(runtime, lock);
  }
  return engine;
}

/** Today's date in the reader's own time zone, as YYYY-MM-DD. */
function localToday() {
  const now = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** @param {string} iso */
function headlineDate(iso) {
  return HEADLINE_DATE.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * Wire up one widget. Safe to call twice: the second call does nothing.
 * @param {HTMLElement} root
 */
function setUp(root) {
  if (root.dataset.wired === "true") {
    return;
  }
  root.dataset.wired = "true";
  const form = /** @type {HTMLFormElement} */ (root.querySelector("form"));
  const status = /** @type {HTMLElement} */ (root.querySelector('[data-testid="status"]'));
  const failure = /** @type {HTMLElement} */ (root.querySelector('[data-testid="load-error"]'));
  const answerBox = /** @type {HTMLElement} */ (root.querySelector('[data-testid="answer"]'));
  const callOn = /** @type {HTMLTimeElement} */ (root.querySelector('[data-testid="call-on"] time'));
  const reason = /** @type {HTMLElement} */ (root.querySelector('[data-testid="reason"]'));
  const names = [...form.elements].flatMap((el) => (el instanceof HTMLInputElement && el.name ? [el] : []));

  // The address bar is the widget's memory: fill the form from it, answer if it says enough.
  const query = new URLSearchParams(window.location.search);
  for (const input of names) {
    const value = query.get(input.name);
    if (value !== null) {
      input.value = value;
    }
  }
  const interviewed = /** @type {HTMLInputElement} */ (form.elements.namedItem("interviewed"));
  if (!interviewed.value) {
    interviewed.value = localToday();
  }

  const current = engineFor(
    new URL(/** @type {string} */ (root.dataset.runtime), SITE_ROOT),
    new URL(/** @type {string} */ (root.dataset.lock), SITE_ROOT),
  );

  let statusTimer = 0;
  const showStatus = () => {
    root.dataset.status = current.status;
    failure.hidden = current.status !== "error";
    /** @type {HTMLElement} */ (failure.querySelector("p")).textContent = current.failure;
    if (current.status === "loading") {
      if (!statusTimer) {
        statusTimer = window.setTimeout(() => {
          status.textContent = STAGE_TEXT[/** @type {keyof STAGE_TEXT} */ (current.stage)] ?? "";
        }, STATUS_DELAY_MS);
      } else if (status.textContent) {
        status.textContent = STAGE_TEXT[/** @type {keyof STAGE_TEXT} */ (current.stage)] ?? "";
      }
    } else {
      window.clearTimeout(statusTimer);
      statusTimer = 0;
      status.textContent = current.status === "ready" && status.textContent ? STAGE_TEXT.ready : "";
    }
  };
  const listener = () => {
    if (!root.isConnected) {
      current.listeners.delete(listener);
      return;
    }
    showStatus();
  };
  current.listeners.add(listener);
  showStatus();

  /** @param {FieldProblem | null} problem */
  const showProblem = (problem) => {
    for (const input of names) {
      const message = root.querySelector(`#cc-${input.name}-error`);
      const mine = problem !== null && problem.field === input.name;
      input.toggleAttribute("aria-invalid", mine);
      if (mine) {
        input.setAttribute("aria-invalid", "true");
      }
      if (message) {
        message.textContent = mine ? problem.message : "";
        /** @type {HTMLElement} */ (message).hidden = !mine;
      }
    }
  };

  /** @param {Record<string, any>} plan */
  const showPlan = (plan) => {
    callOn.dateTime = plan.call_on;
    callOn.textContent = headlineDate(plan.call_on);
    reason.textContent =
      `They said they would answer by ${headlineDate(plan.reply_expected)}. ` +
      "Give them two more working days to get through their side of things, then call.";
    answerBox.hidden = false;
  };

  let latest = 0;
  const calculate = async () => {
    /** @type {Record<string, string>} */
    const fields = {};
    const params = new URLSearchParams(window.location.search);
    for (const input of names) {
      fields[input.name] = input.value;
      params.set(input.name, input.value);
    }
    const address = new URL(window.location.href);
    address.search = params.toString();
    window.history.replaceState(window.history.state, "", address);
    const request = ++latest;
    const answer = await current.ask({ ...fields, today: localToday() });
    if (request !== latest) {
      return; // a newer request is on its way
    }
    if (answer.ok) {
      showProblem(null);
      showPlan(answer.plan);
    } else {
      showProblem(answer.error);
      answerBox.hidden = true;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void calculate();
  });
  form.addEventListener("change", () => void calculate());
  /** @type {HTMLButtonElement} */ (root.querySelector('[data-action="retry"]')).addEventListener("click", () => {
    current.retry();
    void calculate();
  });

  if (names.some((input) => query.has(input.name))) {
    void calculate();
  }
}

/** Set up every widget on the page now in view. */
function setUpAll() {
  for (const root of document.querySelectorAll('[data-testid="call-calculator"]')) {
    setUp(/** @type {HTMLElement} */ (root));
  }
}

// Material's `document$` emits on first load and after every instant navigation.
const material = /** @type {any} */ (window).document$;
if (material && typeof material.subscribe === "function") {
  material.subscribe(setUpAll);
} else {
  setUpAll();
}
