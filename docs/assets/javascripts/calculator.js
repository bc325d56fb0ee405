// @ts-check
/**
 * The calculator's loader: finds each widget, keeps its form and the address bar in step,
 * talks to the worker, and shows what Python answers. No date logic lives here: the page
 * sends the raw form values as strings and formats the ISO dates it gets back.
 *
 * Loaded once as a module; Material's `document$` tells it about every page, including
 * pages reached by instant navigation, so widgets are wired again after each one. The
 * worker outlives navigation: Python starts once per visit, and not before it is wanted
 * (the page is idle, the form comes near the screen, the reader touches it, or the
 * address already holds a question).
 */

const PROTOCOL_VERSION = 1;
/** Loading that finishes sooner than this never shows a status line. */
const STATUS_DELAY_MS = 400;
/** How long Python may take to start before the widget gives up and offers Retry. */
const LOAD_TIMEOUT_MS = 60_000;
const LOAD_FAILED = "The calculator could not load. Check your connection, then press Retry.";
/** The site root, found from this module's own address so the site works under a sub-path. */
const SITE_ROOT = new URL("../../", import.meta.url);
/** The worker sits beside this module and carries the same version query, if any. */
const WORKER_URL = new URL(`calculator-worker.js${new URL(import.meta.url).search}`, import.meta.url);
/** The form fields that live in the address bar, in the engine's own language. */
const STATE_FIELDS = ["interviewed", "reply", "region", "pending", "channel", "considering"];

/** Python's messages speak the query-string language; the form's controls need plainer words. */
const FORM_WORDING = /** @type {Record<string, string>} */ ({
  "reply_not_understood:span": "Enter how many days or weeks they said, as a whole number: 1, 2, 10…",
  "missing_field:date": "Pick the day they said you would hear by.",
  "reply_not_understood:date": "Pick the day they said you would hear by.",
});

const STAGE_TEXT = {
  waiting: "",
  downloading: "Downloading Python…",
  starting: "Starting the calculator…",
  ready: "Ready.",
};

/**
 * @typedef {{field: string | null, message: string, code?: string}} Problem
 * @typedef {{ok: true, plan: Record<string, any>} | {ok: false, error: Problem}} Answer
 * @typedef {"loading" | "ready" | "error"} Status
 * @typedef {keyof typeof STAGE_TEXT} Stage
 */

/** One worker, shared by every widget on every page of the visit. */
class Engine {
  /**
   * @param {URL} runtime the folder holding pyodide.mjs
   * @param {URL} lock the site's pyodide-lock.json
   */
  constructor(runtime, lock) {
    this.runtime = runtime;
    this.lock = lock;
    /** @type {Status} */
    this.status = "loading";
    /** @type {Stage} */
    this.stage = "waiting";
    this.failure = "";
    this.detail = "";
    /** How Python started ("fresh" or "snapshot"), once it has: see calculator-worker.js. */
    this.startedFrom = "";
    /** Whether this visit's memory snapshot was kept ("kept", "not-kept"), once tried. */
    this.snapshot = "";
    /** @type {Set<() => void>} */
    this.listeners = new Set();
    /** @type {Map<number, (answer: Answer) => void>} */
    this.pending = new Map();
    this.nextId = 1;
    /** @type {Worker | null} */
    this.worker = null;
    this.timer = 0;
  }

  /** Start the worker unless it is running or has failed (Retry restarts a failed one). */
  start() {
    if (this.worker || this.status === "error") {
      return;
    }
    const url = new URL(WORKER_URL);
    url.searchParams.set("runtime", this.runtime.href);
    url.searchParams.set("lock", this.lock.href);
    this.status = "loading";
    this.stage = "downloading";
    this.failure = "";
    const worker = new Worker(url, { type: "module" });
    let heard = false;
    worker.addEventListener("message", (event) => {
      heard = true;
      this.receive(event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(
        heard // a worker that never spoke is one whose script never arrived
          ? "The calculator stopped unexpectedly. Press Retry to start it again."
          : LOAD_FAILED,
        event.message ?? "",
      );
    });
    this.worker = worker;
    const limit = Number(/** @type {any} */ (globalThis).SECOND_DATE_LOAD_TIMEOUT_MS) || LOAD_TIMEOUT_MS;
    this.timer = window.setTimeout(
      () => this.fail("The calculator is taking too long to load. Check your connection, then press Retry."),
      limit,
    );
    this.changed();
  }

  /** Throw the failed worker away and start a fresh one. */
  retry() {
    this.worker?.terminate();
    this.worker = null;
    this.status = "loading";
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
        window.clearTimeout(this.timer);
        this.status = "ready";
        this.startedFrom = message.start ?? "";
      }
      this.changed();
    } else if (message.type === "snapshot") {
      this.snapshot = message.kept ? "kept" : "not-kept";
      this.changed();
    } else if (message.type === "failed") {
      this.fail(LOAD_FAILED, message.message);
    } else if (message.type === "answer") {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.answer);
    }
  }

  /**
   * @param {string} text what the reader is told
   * @param {string} [detail] what went wrong, for whoever inspects the page
   */
  fail(text, detail = "") {
    window.clearTimeout(this.timer);
    this.detail = detail;
    this.worker?.terminate();
    this.worker = null;
    this.status = "error";
    this.failure = text;
    this.pending.clear(); // their widgets ask again after Retry
    this.changed();
  }

  changed() {
    for (const listener of this.listeners) {
      listener();
    }
  }

  /**
   * Ask Python. Requests sent while it loads wait in the worker until it is ready; a
   * request lost to a failure is never answered (the widget asks again after Retry).
   * @param {Record<string, string>} fields
   * @returns {Promise<Answer>}
   */
  ask(fields) {
    this.start();
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

// ---- Formatting: ISO strings from Python into words -------------------------------------

const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");

/** Today's date in the reader's own time zone, as YYYY-MM-DD. */
function localToday() {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The reader's clock now, as an iCalendar UTC stamp (DTSTAMP). */
function utcStamp() {
  const now = new Date();
  return (
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `T${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}Z`
  );
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/**
 * "Wednesday 30 December", with the year when it is not this year. The site is written in
 * English, so the names are ours: the browser's own date formatting (Intl) loads its locale
 * data on first use, 20 to 80 ms of the page's main thread.
 * @param {string} iso YYYY-MM-DD
 * @param {string} today YYYY-MM-DD
 */
function longDate(iso, today) {
  const day = new Date(`${iso}T00:00:00Z`);
  const words = `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`;
  return iso.slice(0, 4) === today.slice(0, 4) ? words : `${words} ${day.getUTCFullYear()}`;
}

/** @param {number} days */
function countdown(days) {
  if (days === 0) return "That’s today.";
  if (days === 1) return "That’s tomorrow.";
  if (days > 1) return `That’s in ${days} days.`;
  return days === -1 ? "That was yesterday: call now." : `That was ${-days} days ago: call now.`;
}

/**
 * Whether a date input can hold `text`: a real day written YYYY-MM-DD. Not date logic, only
 * the input's own rule, checked first because a refused value costs a console warning.
 * @param {string} text
 */
function fitsDateInput(text) {
  const day = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/**
 * Put text, never markup, into an element.
 * @param {Element} element
 * @param {string} text
 */
function say(element, text) {
  element.textContent = text;
}

/**
 * A new element holding text.
 * @param {string} tag
 * @param {string} text
 */
function withText(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

/**
 * One step of "Why this date": what happened that day, why it counts, and the source.
 * @param {{date: string, text: string, why: string, source: string | null}} step
 */
function stepItem(step) {
  const when = /** @type {HTMLTimeElement} */ (withText("time", step.text));
  when.dateTime = step.date;
  const heading = document.createElement("strong");
  heading.append(when);
  const item = document.createElement("li");
  item.append(heading, ` ${step.why}`);
  if (step.source) {
    const link = withText("a", "source");
    /** @type {HTMLAnchorElement} */ (link).href = step.source;
    item.append(" (", link, ")");
  }
  return item;
}

/**
 * Show a plan in a widget's answer box: every date in words, every reason as a step.
 * @param {HTMLElement} root the widget
 * @param {Record<string, any>} plan the engine's plan, dates as ISO strings
 */
function showPlan(root, plan) {
  /** @param {string} testId */
  const part = (testId) => /** @type {HTMLElement} */ (root.querySelector(`[data-testid="${testId}"]`));
  const today = plan.today;
  const callOn = /** @type {HTMLTimeElement} */ (part("call-on").querySelector("time"));
  callOn.dateTime = plan.call_on;
  say(callOn, longDate(plan.call_on, today));
  say(part("countdown"), countdown(plan.days_until_call));
  const slot = plan.call_window;
  say(
    part("best-time"),
    `${longDate(plan.best_day, today)}, between ${slot.start} and ${slot.end} their time (${slot.tz}). ${slot.note}`,
  );
  say(part("thank-you"), `Send it by ${longDate(plan.thank_you_by, today)}.`);
  const next = plan.next_follow_up;
  say(part("next-follow-up"), `${longDate(next.date, today)}. ${next.text}`);
  const tips = document.createElement("ul");
  tips.append(...plan.channel.tips.map((/** @type {string} */ tip) => withText("li", tip)));
  part("channel-advice").replaceChildren(withText("strong", plan.channel.headline), tips);
  part("steps").replaceChildren(...plan.steps.map(stepItem));
  const ics = /** @type {HTMLAnchorElement} */ (part("ics"));
  if (ics.href.startsWith("blob:")) URL.revokeObjectURL(ics.href); // the last plan's file
  ics.href = URL.createObjectURL(new Blob([plan.ics], { type: "text/calendar" }));
  /** @type {HTMLAnchorElement} */ (part("google-calendar")).href = plan.google_calendar_url;
  const verdict = part("too-soon-verdict");
  say(verdict, plan.too_soon ? `${plan.too_soon.text} ${plan.too_soon.why}` : "");
  verdict.dataset.verdict = plan.too_soon?.verdict ?? "";
  part("answer").hidden = false;
}

// ---- One widget -------------------------------------------------------------------------

/**
 * Wire up one widget. Safe to call twice: the second call does nothing.
 * @param {HTMLElement} root
 */
function setUp(root) {
  if (root.dataset.wired === "true") {
    return;
  }
  root.dataset.wired = "true";
  /** @param {string} selector */
  const $ = (selector) => /** @type {HTMLElement} */ (root.querySelector(selector));
  const form = /** @type {HTMLFormElement} */ ($("form"));
  const inputs = {
    interviewed: /** @type {HTMLInputElement} */ ($("#cc-interviewed")),
    count: /** @type {HTMLInputElement} */ ($("#cc-reply-count")),
    unit: /** @type {HTMLSelectElement} */ ($("#cc-reply-unit")),
    named: /** @type {HTMLInputElement} */ ($("#cc-reply-date")),
    region: /** @type {HTMLInputElement} */ ($("#cc-region")),
    considering: /** @type {HTMLInputElement} */ ($("#cc-considering")),
  };
  const regionOptions = /** @type {HTMLOptionElement[]} */ ([...root.querySelectorAll("#cc-regions option")]);
  /** @param {string} name */
  const choices = (name) => /** @type {HTMLInputElement[]} */ ([...form.querySelectorAll(`input[name="${name}"]`)]);

  // -- The form's state in the engine's language, both ways.
  /**
   * Values from the address that the controls cannot hold (a date input drops 2026-02-30, no
   * checkbox shows an unknown item): sent to Python as they came, so its message names the
   * field, and kept in the address until the reader changes that field.
   * @type {Record<string, string>}
   */
  const carried = {};
  const replyKind = () => choices("reply-kind").find((radio) => radio.checked)?.value ?? "span";
  const showReplyKind = () => {
    for (const part of root.querySelectorAll("[data-reply]")) {
      /** @type {HTMLElement} */ (part).hidden = part.getAttribute("data-reply") !== replyKind();
    }
  };
  /** @returns {Record<string, string>} */
  const readForm = () => {
    const kind = replyKind();
    const reply =
      kind === "span"
        ? `${inputs.count.value.trim()}${inputs.unit.value}`
        : kind === "date"
          ? inputs.named.value
          : kind;
    const fields = {
      interviewed: inputs.interviewed.value,
      reply,
      region: inputs.region.value.trim(),
      pending: choices("pending")
        .filter((box) => box.checked)
        .map((box) => box.value)
        .join(","),
      channel: choices("channel").find((radio) => radio.checked)?.value ?? "phone",
      considering: inputs.considering.value,
    };
    return { ...fields, ...carried };
  };
  /** @param {URLSearchParams} query */
  const writeForm = (query) => {
    const value = (/** @type {string} */ name) => query.get(name);
    /** @param {"interviewed" | "considering"} name a date the date input may refuse */
    const writeDate = (name) => {
      const text = value(name);
      if (text === null) return;
      if (fitsDateInput(text)) {
        inputs[name].value = text;
      } else {
        inputs[name].value = ""; // the browser would refuse it, with a console warning
        carried[name] = text;
      }
    };
    writeDate("interviewed");
    const reply = value("reply");
    if (reply !== null) {
      const span = /^(\d+)(d|w|bd)$/.exec(reply);
      const date = /^\d{4}-\d{2}-\d{2}$/.test(reply);
      const kind = span ? "span" : date ? "date" : ["eow", "none"].includes(reply) ? reply : reply ? "span" : "none";
      for (const radio of choices("reply-kind")) radio.checked = radio.value === kind;
      if (span) {
        inputs.count.value = span[1];
        inputs.unit.value = span[2];
      } else if (kind === "date") {
        inputs.named.value = reply;
        if (inputs.named.value !== reply) carried.reply = reply;
      } else if (kind === "span") {
        inputs.count.value = reply; // not understood: keep it in view, Python says what is wrong
        carried.reply = reply;
      }
    }
    if (value("region") !== null) inputs.region.value = /** @type {string} */ (value("region"));
    const pending = value("pending");
    if (pending !== null) {
      const wanted = new Set(pending.split(",").filter(Boolean));
      for (const box of choices("pending")) box.checked = wanted.delete(box.value);
      if (wanted.size) carried.pending = pending;
    }
    const channel = value("channel");
    if (channel !== null) {
      for (const radio of choices("channel")) radio.checked = radio.value === channel;
      if (channel && !choices("channel").some((radio) => radio.checked)) carried.channel = channel;
    }
    writeDate("considering");
    showReplyKind();
  };
  /** @param {Record<string, string>} fields */
  const remember = (fields) => {
    const address = new URL(window.location.href);
    for (const name of STATE_FIELDS) {
      if (fields[name]) {
        address.searchParams.set(name, fields[name]);
      } else {
        address.searchParams.delete(name);
      }
    }
    if (address.href !== window.location.href) {
      window.history.replaceState(window.history.state, "", address);
    }
  };

  // -- Sensible starting values: today, and the employer's region guessed from the reader's.
  const query = new URLSearchParams(window.location.search);
  writeForm(query);
  // (Not when the address names the field: an empty or refused value there gets a message.)
  if (!inputs.interviewed.value && !query.has("interviewed")) {
    inputs.interviewed.value = localToday();
  }
  if (!inputs.region.value && !query.has("region")) {
    inputs.region.value = guessRegion(regionOptions);
  }
  const regionName = () => {
    const code = inputs.region.value.trim().toUpperCase();
    say($('[data-testid="region-name"]'), regionOptions.find((option) => option.value === code)?.textContent ?? "");
  };
  regionName();

  // -- The engine and its status.
  const current = engineFor(
    new URL(/** @type {string} */ (root.dataset.runtime), SITE_ROOT),
    new URL(/** @type {string} */ (root.dataset.lock), SITE_ROOT),
  );
  const status = $('[data-testid="status"]');
  const failure = $('[data-testid="load-error"]');
  let statusTimer = 0;
  let statusShown = false;
  const showStatus = () => {
    root.dataset.status = current.status;
    // Readiness markers for tests and the benchmark, not for readers.
    root.dataset.pythonStart = current.startedFrom;
    root.dataset.pythonSnapshot = current.snapshot;
    failure.hidden = current.status !== "error";
    say($(".call-calculator__failure-message"), current.failure);
    failure.dataset.detail = current.detail;
    if (current.status === "loading" && current.stage !== "waiting") {
      if (statusShown) {
        say(status, STAGE_TEXT[current.stage]);
      } else if (!statusTimer) {
        statusTimer = window.setTimeout(() => {
          statusShown = current.status === "loading";
          if (statusShown) say(status, STAGE_TEXT[current.stage]);
        }, STATUS_DELAY_MS);
      }
    } else {
      window.clearTimeout(statusTimer);
      statusTimer = 0;
      say(status, current.status === "ready" && statusShown ? STAGE_TEXT.ready : "");
      statusShown = false;
    }
  };
  const listener = () => (root.isConnected ? showStatus() : current.listeners.delete(listener));
  current.listeners.add(listener);
  showStatus();

  // -- Messages at the fields.
  /** @param {string} field */
  const controlsOf = (field) => {
    if (field === "reply") {
      const kind = replyKind();
      return kind === "span" ? [inputs.count] : kind === "date" ? [inputs.named] : choices("reply-kind");
    }
    if (field === "pending" || field === "channel") return choices(field);
    const control = /** @type {keyof typeof inputs} */ (field) in inputs ? inputs[/** @type {keyof typeof inputs} */ (field)] : null;
    return control ? [control] : [];
  };
  /** @param {Problem | null} problem */
  const showProblem = (problem) => {
    for (const control of root.querySelectorAll("[aria-invalid]")) {
      control.removeAttribute("aria-invalid");
    }
    for (const message of root.querySelectorAll(".call-calculator__error")) {
      say(message, "");
      /** @type {HTMLElement} */ (message).hidden = true;
    }
    if (!problem) return;
    const message = (problem.field && root.querySelector(`#cc-${problem.field}-error`)) || $("#cc-form-error");
    say(message, FORM_WORDING[`${problem.code}:${replyKind()}`] ?? problem.message);
    /** @type {HTMLElement} */ (message).hidden = false;
    for (const control of controlsOf(problem.field ?? "")) {
      control.setAttribute("aria-invalid", "true");
    }
  };

  // -- The answer.
  const answerBox = $('[data-testid="answer"]');
  const verdict = $('[data-testid="too-soon-verdict"]');

  // -- Asking.
  let latest = 0;
  /** @param {{reveal?: boolean}} [options] reveal: bring the answer into view and focus */
  const calculate = async ({ reveal = false } = {}) => {
    const fields = readForm();
    remember(fields);
    const request = ++latest;
    const answer = await current.ask({
      ...fields,
      today: localToday(),
      dtstamp: utcStamp(),
      uid: `call-${fields.interviewed}-${fields.region}@second-date`,
    });
    if (request !== latest) {
      return; // a newer question is on its way
    }
    if (answer.ok) {
      showProblem(null);
      showPlan(root, answer.plan);
      if (reveal) {
        const heading = $('[data-testid="answer-heading"]');
        heading.focus({ preventScroll: true });
        heading.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    } else {
      showProblem(answer.error);
      answerBox.hidden = true;
      say(verdict, "");
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void calculate({ reveal: true });
  });
  form.addEventListener("change", (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.name === "reply-kind") showReplyKind();
    if (target === inputs.region) regionName();
    const field = ["interviewed", "region", "pending", "channel"].find((name) => target.name === name);
    delete carried[field ?? "reply"]; // the reader changed it: the control now says what they mean
    void calculate();
  });
  inputs.considering.addEventListener("change", () => {
    delete carried.considering;
    void calculate();
  });
  form.addEventListener("focusin", () => current.start(), { once: true });
  $('[data-action="retry"]').addEventListener("click", () => {
    current.retry();
    void calculate();
  });
  $('[data-testid="copy-link"]').addEventListener("click", async () => {
    const copied = $('[data-testid="copy-status"]');
    try {
      await navigator.clipboard.writeText(window.location.href);
      say(copied, "Link copied.");
    } catch {
      say(copied, `Copy this address: ${window.location.href}`);
    }
  });
  $('[data-testid="print"]').addEventListener("click", () => window.print());
  // Browsers without ::details-content print a closed <details> closed: open it for print.
  const why = /** @type {HTMLDetailsElement} */ ($('[data-testid="why"]'));
  let openedForPrint = false;
  window.addEventListener("beforeprint", () => {
    openedForPrint = root.isConnected && !why.open;
    if (openedForPrint) why.open = true;
  });
  window.addEventListener("afterprint", () => {
    if (openedForPrint) why.open = false;
  });

  // -- When to start Python: now if the address asks a question, else when it is wanted.
  if (STATE_FIELDS.some((name) => query.has(name))) {
    void calculate();
  } else {
    startWhenWanted(root, current);
  }
}

/**
 * Suggest the employer's region from the reader's time zone (the build marks one region
 * per zone), else from the country in the reader's language: a reader in Sydney most
 * likely interviews with an employer in New South Wales.
 * @param {HTMLOptionElement[]} options
 */
function guessRegion(options) {
  // Temporal knows the zone at once; Intl (browsers without Temporal) loads locale data first.
  const temporal = /** @type {any} */ (globalThis).Temporal;
  const zone = temporal?.Now.timeZoneId() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const country = (navigator.language.split("-")[1] ?? "").toUpperCase();
  const guess =
    options.find((option) => (option.dataset.zones ?? "").split(" ").includes(zone)) ??
    options.find((option) => option.value === country);
  return guess?.value ?? "";
}

/**
 * Start Python when the browser is idle or the widget comes near the screen.
 * @param {HTMLElement} root
 * @param {Engine} current
 */
function startWhenWanted(root, current) {
  const start = () => current.start();
  if ("requestIdleCallback" in window) {
    window.requestIdleCallback(start, { timeout: 3000 });
  } else {
    setTimeout(start, 1500); // Safari has no requestIdleCallback
  }
  if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          start();
        }
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(root);
  }
}

/** Wire every widget on the page now in view. */
function setUpAll() {
  for (const root of document.querySelectorAll('[data-testid="call-calculator"]')) {
    setUp(/** @type {HTMLElement} */ (root));
  }
}

/**
 * When the address already asks a question, start Python as soon as the page has drawn its
 * first frame, while the rest is still being parsed, rather than when the widget is wired:
 * Python's start-up is the long pole. Not before that frame: compiling the runtime would
 * compete with drawing the article (measured: the article painted later and less evenly,
 * the answer came no sooner). On the page holding the calculator, this module's own
 * `<script>` names the runtime and the lock file (overrides/main.html); elsewhere there is
 * nothing to start.
 */
function startEarly() {
  const query = new URLSearchParams(window.location.search);
  const script = document.querySelector("script[data-runtime][data-lock]");
  if (STATE_FIELDS.some((name) => query.has(name)) && script instanceof HTMLElement) {
    const { runtime = "", lock = "" } = script.dataset;
    const current = engineFor(new URL(runtime, SITE_ROOT), new URL(lock, SITE_ROOT));
    requestAnimationFrame(() => setTimeout(() => current.start()));
  }
}

/** Wire the widgets now, and again after every instant navigation. */
function followPages() {
  // Material's `document$` emits on first load and after every instant navigation, and
  // replays its latest page to a late subscriber. The widgets are wired in a task of their
  // own, not inside Material's (already long) task that emits the page.
  const material = /** @type {any} */ (window).document$;
  if (material && typeof material.subscribe === "function") {
    material.subscribe(() => setTimeout(setUpAll));
  } else {
    setUpAll();
  }
}

// This module is loaded `async` from the page's head (overrides/main.html), so it may run
// while the page is still being parsed, before Material's own script: start Python after
// the first frame, and wire the widgets once the page is parsed.
startEarly();
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", followPages, { once: true });
} else {
  followPages();
}
