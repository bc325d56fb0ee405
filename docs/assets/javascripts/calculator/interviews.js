// @ts-check
/**
 * My interviews: the interviews saved on this device, each with its next step and day (the
 * soonest first, overdue ones on top), and those heard back about in a list of their own.
 * Labels and inputs show at once, from storage (store.js); Python replans each one when it
 * is ready and writes its title and next step. Every word of the page's own is in its markup
 * (build_tools/templates/interviews.html): `<template data-sd-part="item">` is one
 * interview, its parts marked `data-sd-slot`. `data-listed` ("inputs", then "dates") is the
 * marker tests and the benchmark wait on.
 *
 * @typedef {import("./engine.js").Engine} Engine
 * @typedef {import("./store.js").Store} Store
 * @typedef {import("./interview-record.js").Interview} Interview
 * @typedef {import("./protocol.js").InterviewSummary} InterviewSummary
 */

import { addressFor } from "./address.js";
import { readerToday, readerZone } from "./clock.js";
import { byOutcome, entries, inOrder, summaryKey, typedInputs } from "./interview-list.js";
import { part } from "./parts.js";
import { interviewsAnswer } from "./protocol.js";
import { mountStatus } from "./status.js";
import { StoreError, UNAVAILABLE, openStore } from "./store.js";

/**
 * A part of one listed interview.
 * @param {ParentNode} item
 * @param {string} name
 */
function slot(item, name) {
  return /** @type {HTMLElement} */ (item.querySelector(`[data-sd-slot="${name}"]`));
}

/**
 * Show a problem of the list's own (storage, or an answer Python could not give); "" hides it.
 * @param {HTMLElement} root
 * @param {string} message
 */
function showProblem(root, message) {
  const box = part(root, "problem");
  box.textContent = message;
  box.hidden = !message;
}

/**
 * Fill one interview's element: what the reader typed at once, Python's words once known.
 * @param {HTMLElement} item
 * @param {Interview} interview
 * @param {InterviewSummary | undefined} summary
 * @param {string} calculatorPage the address of the page holding the calculator
 */
function fillItem(item, interview, summary, calculatorPage) {
  item.dataset.sdId = interview.id;
  const typed = typedInputs(interview.fields);
  slot(item, "label").textContent = interview.label || (summary?.ok ? summary.title : typed);
  const title = slot(item, "title");
  title.textContent = interview.label ? (summary?.ok ? summary.title : typed) : "";
  title.hidden = !title.textContent;
  const next = summary?.ok ? summary.next : null;
  slot(item, "next").hidden = !next || Boolean(interview.outcome);
  slot(item, "overdue").hidden = !next?.overdue || Boolean(interview.outcome);
  item.dataset.overdue = String(Boolean(next?.overdue && !interview.outcome));
  if (next) {
    const date = /** @type {HTMLTimeElement} */ (slot(item, "date"));
    date.dateTime = next.date;
    date.textContent = next.date_text;
    slot(item, "when").textContent = next.when;
    slot(item, "step").textContent = next.text;
    item.dataset.step = next.kind;
  }
  const problem = slot(item, "problem");
  problem.textContent = summary && !summary.ok ? summary.error.message : "";
  problem.hidden = !problem.textContent;
  /** @type {HTMLAnchorElement} */ (slot(item, "open")).href = addressFor(calculatorPage, interview.fields);
  /** @type {HTMLSelectElement} */ (slot(item, "outcome")).value = interview.outcome;
}

/**
 * The address of the page holding the calculator (the build's `data-calculator`, from here).
 * @param {HTMLElement} root
 */
function calculatorPage(root) {
  return new URL(root.dataset.calculator ?? "", window.location.href).href;
}

/**
 * Draw both lists from the records, with the summaries known so far.
 * @param {HTMLElement} root
 * @param {Interview[]} interviews
 * @param {Map<string, InterviewSummary>} summaries by interview id
 */
function draw(root, interviews, summaries) {
  const template = /** @type {HTMLTemplateElement} */ (part(root, "item"));
  const page = calculatorPage(root);
  const { waiting, ended } = byOutcome(interviews);
  const lists = /** @type {const} */ ([["waiting", inOrder(waiting, summaries)], ["ended", ended]]);
  for (const [name, shown] of lists) {
    const items = shown.map((interview) => {
      const item = /** @type {HTMLElement} */ (template.content.firstElementChild?.cloneNode(true));
      fillItem(item, interview, summaries.get(interview.id), page);
      return item;
    });
    part(root, name).replaceChildren(...items);
    part(root, `${name}-section`).hidden = items.length === 0;
  }
  part(root, "empty").hidden = interviews.length > 0;
  part(root, "manage").hidden = interviews.length === 0;
}

/**
 * The lists as they are kept, drawn at once, and again with Python's summaries once it has
 * replanned what it has not answered for yet (on the reader's date: a new day replans all).
 * @param {HTMLElement} root
 * @param {Store} store
 * @param {Engine} engine
 * @returns {{show: () => void, forget: () => void}} show draws the lists; forget drops every summary
 */
function lister(root, store, engine) {
  /** @type {Map<string, {key: string, summary: InterviewSummary}>} Python's answers, by interview id */
  const known = new Map();
  let asked = 0;

  const show = () => {
    const today = readerToday();
    let interviews;
    try {
      interviews = store.all();
    } catch {
      return showProblem(root, UNAVAILABLE);
    }
    const summaries = new Map();
    for (const interview of interviews) {
      const kept = known.get(interview.id);
      if (kept?.key === summaryKey(interview, today)) summaries.set(interview.id, kept.summary);
    }
    draw(root, interviews, summaries);
    const missing = interviews.filter((interview) => !summaries.has(interview.id));
    root.dataset.listed = missing.length ? "inputs" : "dates";
    if (missing.length) void replan(missing, today);
  };

  /** @param {Interview[]} interviews @param {string} today */
  const replan = async (interviews, today) => {
    const question = ++asked;
    const answer = interviewsAnswer(await engine.askInterviews(entries(interviews), { today, tz: readerZone() }));
    if (question !== asked) return; // the list changed meanwhile and was asked for again
    if (!answer.ok) return showProblem(root, answer.error.message);
    const byKey = new Map(answer.interviews.map((summary) => [summary.key, summary]));
    for (const interview of interviews) {
      const summary = byKey.get(interview.id);
      if (summary) known.set(interview.id, { key: summaryKey(interview, today), summary });
    }
    show();
  };
  return { show, forget: () => known.clear() };
}

/**
 * Wire the list page's component.
 * @param {HTMLElement} root `data-sd-component="interviews"`
 * @param {Engine} engine
 * @returns {() => void} unmounts
 */
export function mountInterviews(root, engine) {
  const stops = [mountStatus(root, engine)];
  const opened = openStore();
  if (!opened.ok) {
    showProblem(root, opened.message);
    part(root, "empty").hidden = true;
    return () => stops.forEach((stop) => stop());
  }
  const store = opened.store;
  const { show, forget } = lister(root, store, engine);
  /** @param {() => void} change */
  const changing = (change) => {
    try {
      change();
      showProblem(root, "");
    } catch (error) {
      showProblem(root, error instanceof StoreError ? error.message : UNAVAILABLE);
    }
    show();
  };
  wireActions({ root, store, changing });
  wireFiles({ root, store, engine, page: calculatorPage(root), changed: show });
  stops.push(store.watch(show));
  part(root, "retry").addEventListener("click", () => {
    engine.retry();
    forget();
    show();
  });
  show();
  return () => stops.forEach((stop) => stop());
}

/**
 * Export and import, whose module is fetched when the reader first uses one of them.
 * @param {import("./interview-files.js").Files} files
 */
function wireFiles(files) {
  /** @param {(module: typeof import("./interview-files.js")) => unknown} action */
  const later = (action) => async () => action(await import("./interview-files.js"));
  part(files.root, "export-json").addEventListener("click", later((module) => module.exportJson(files)));
  part(files.root, "export-ics").addEventListener("click", later((module) => module.exportIcs(files)));
  part(files.root, "import-file").addEventListener("change", later((module) => module.importChosen(files)));
}

/** The controls whose work is in interview-actions.js: heard back, delete, delete everything. */
const ACTIONS = [
  '[data-sd-slot="outcome"]',
  '[data-sd-slot="delete"]',
  '[data-sd-part="delete-all"]',
  '[data-sd-part="cancel-delete"]',
  '[data-sd-part="confirm-delete"]',
].join(", ");

/**
 * Each interview's controls and "Delete everything", whose module is fetched when the reader
 * first uses one of them.
 * @param {import("./interview-actions.js").Actions} actions
 */
function wireActions(actions) {
  /** @param {Event} event */
  const act = async (event) => {
    const control = /** @type {HTMLElement} */ (event.target).closest(ACTIONS);
    if (control instanceof HTMLElement) (await import("./interview-actions.js")).act(event, control, actions);
  };
  actions.root.addEventListener("change", act);
  actions.root.addEventListener("click", act);
}
