// @ts-check
/**
 * The answer in the DOM: places the plan's finished text, never writing a date or a sentence
 * of its own, and never markup (`textContent` only). Parts carry `data-sd-part`; each slot
 * for one of the plan's sentences carries `data-sd-text` naming its key in `plan.text`.
 *
 * @typedef {import("./protocol.js").Plan} Plan
 * @typedef {import("./protocol.js").PlanText} PlanText
 * @typedef {import("./protocol.js").Step} Step
 * @typedef {import("./protocol.js").Fields} Fields
 * @typedef {import("./protocol-types").GlanceRow} GlanceRow
 * @typedef {import("./protocol-types").GlanceDay} GlanceDay
 * @typedef {import("./protocol-types").CalendarEvent} CalendarEvent
 */

import { afterNextFrame } from "./after-frame.js";
import { keepChildren, unlessShown } from "./keep-children.js";
import { part } from "./parts.js";

/**
 * The event a widget dispatches on itself each time it shows an answer (`detail`: the
 * question's fields) or hides it (`detail`: null), for the parts that act on the plan shown.
 */
export const ANSWERED = "second-date:answered";

/**
 * Tell the widget's parts which question its answer shows now (null: none).
 * @param {HTMLElement} root the widget
 * @param {Fields | null} fields
 */
export function announce(root, fields) {
  root.dispatchEvent(new CustomEvent(ANSWERED, { detail: fields }));
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
 * The value at a dotted path of the plan (`words.thank_you.subject`), or undefined.
 * @param {unknown} plan
 * @param {string} path
 * @returns {unknown}
 */
export function valueAt(plan, path) {
  let value = plan;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = /** @type {Record<string, unknown>} */ (value)[key];
  }
  return value;
}

/**
 * The text for a slot: the plan's string (or number) at its path, else "".
 * @param {unknown} plan
 * @param {string} path
 */
export function slotText(plan, path) {
  const value = valueAt(plan, path);
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/**
 * The strings at a path, for a list (none when the plan has no list there).
 * @param {unknown} plan
 * @param {string} path
 * @returns {string[]}
 */
export function slotList(plan, path) {
  const value = valueAt(plan, path);
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

/**
 * A link to a source, named by its site.
 * @param {string} address
 */
function sourceLink(address) {
  const link = /** @type {HTMLAnchorElement} */ (withText("a", new URL(address).hostname.replace(/^www\./, "")));
  link.href = address;
  return link;
}

/**
 * Fill every slot the markup marks with the plan's text: `data-sd-text` (a sentence),
 * `data-sd-show` (shown when the plan has something there), `data-sd-list` (a list of
 * sentences), `data-sd-links` (source addresses), `data-sd-href` (a link, hidden without one).
 * A slot that already says what the plan says is left alone: after a change most of them do,
 * and every write costs the page a little (the round trip in `make bench`).
 * @param {HTMLElement} root
 * @param {Plan} plan
 */
function fillSlots(root, plan) {
  for (const slot of root.querySelectorAll("[data-sd-text]")) {
    const text = slotText(plan, slot.getAttribute("data-sd-text") ?? "");
    if (slot.textContent !== text) slot.textContent = text; // most slots read the same after a change
  }
  for (const slot of root.querySelectorAll("[data-sd-show]")) {
    const hidden = !valueAt(plan, slot.getAttribute("data-sd-show") ?? "");
    if (/** @type {HTMLElement} */ (slot).hidden !== hidden) /** @type {HTMLElement} */ (slot).hidden = hidden;
  }
  for (const slot of root.querySelectorAll("[data-sd-list]")) {
    const items = slotList(plan, slot.getAttribute("data-sd-list") ?? "");
    unlessShown(slot, items, () => slot.replaceChildren(...items.map((item) => withText("li", item))));
  }
  for (const slot of root.querySelectorAll("[data-sd-links]")) {
    const addresses = slotList(plan, slot.getAttribute("data-sd-links") ?? "");
    const links = () => addresses.map(sourceLink).flatMap((link, index) => (index ? [", ", link] : [link]));
    unlessShown(slot, addresses, () => slot.replaceChildren(...links()));
  }
  for (const slot of root.querySelectorAll("[data-sd-href]")) {
    const link = /** @type {HTMLAnchorElement} */ (slot);
    const address = slotText(plan, link.getAttribute("data-sd-href") ?? "") || "#";
    if (link.hidden !== (address === "#")) link.hidden = address === "#";
    if (link.getAttribute("href") !== address) link.href = address;
  }
}

/**
 * One step of "Why this date": the day and what happens, why it counts, and the source.
 * @param {Step} step
 */
function stepItem(step) {
  const when = /** @type {HTMLTimeElement} */ (withText("time", step.text));
  when.dateTime = step.date;
  const heading = document.createElement("strong");
  heading.append(when);
  const item = document.createElement("li");
  item.append(heading, ` ${step.why}`);
  if (step.source) {
    const link = /** @type {HTMLAnchorElement} */ (withText("a", "source"));
    link.href = step.source;
    item.append(" (", link, ")");
  }
  return item;
}

/**
 * One day of the plan at a glance: its date and what it is, in words (colour only repeats them).
 * @param {GlanceDay} day
 */
function glanceDay(day) {
  const when = /** @type {HTMLTimeElement} */ (withText("time", day.short));
  when.dateTime = day.date;
  when.title = day.text;
  const cell = document.createElement("li");
  cell.className = "glance__day";
  cell.dataset.kinds = day.kinds.join(" ");
  cell.append(when, withText("span", day.what));
  return cell;
}

/**
 * A week of the glance (or a line standing for quiet weeks).
 * @param {GlanceRow} row
 */
export function glanceRow(row) {
  const item = document.createElement("li");
  item.className = "glance__week";
  item.append(withText("span", row.label));
  if (row.days.length) {
    const days = document.createElement("ol");
    days.className = "glance__days";
    keepChildren(days, row.days, glanceDay);
    item.append(days);
  }
  return item;
}

/**
 * Bring a week kept from the last answer up to this one: only its days that changed are
 * drawn again (a week's label names its first day, so the same label is the same week).
 * @param {Element} item
 * @param {GlanceRow} row
 */
function refreshRow(item, row) {
  const days = item.querySelector(".glance__days");
  if (days) keepChildren(days, row.days, glanceDay);
}

/**
 * One event's "Add to Google Calendar" link.
 * @param {CalendarEvent} event
 */
function googleEvent(event) {
  const link = /** @type {HTMLAnchorElement} */ (withText("a", event.summary));
  link.href = event.google_url;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  const item = document.createElement("li");
  item.append(link);
  return item;
}

/** @type {WeakMap<HTMLAnchorElement, {text: string, type: string}>} files waiting for their address */
const waitingFiles = new WeakMap();
/** @type {WeakSet<HTMLAnchorElement>} links that make their file's address when reached for */
const fileLinks = new WeakSet();
/** What a reader does to a link before it is followed, saved or copied. */
const REACHING = ["pointerdown", "focus", "click", "contextmenu", "keydown"];

/**
 * Give a download link the `blob:` address of the file waiting for it, letting go of the last.
 * @param {HTMLAnchorElement} link
 */
function fileAddress(link) {
  const file = waitingFiles.get(link);
  if (!file) return;
  waitingFiles.delete(link);
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([file.text], { type: file.type }));
}

/**
 * Point a download link at a new file. Its `blob:` address is made after the answer's frame
 * (after-frame.js: the browser's own process makes it, 1 to 8 ms measured), or at once when
 * the reader reaches for the link sooner.
 * @param {HTMLAnchorElement} link
 * @param {string} text
 * @param {string} type
 */
function offerFile(link, text, type) {
  if (!fileLinks.has(link)) {
    fileLinks.add(link);
    for (const event of REACHING) link.addEventListener(event, () => fileAddress(link));
  }
  waitingFiles.set(link, { text, type });
  afterNextFrame(() => fileAddress(link));
}

/**
 * Show a plan: every sentence in its slot, the steps, the channel's advice, the calendar links.
 * @param {HTMLElement} root the widget
 * @param {Plan} plan
 */
export function showPlan(root, plan) {
  fillSlots(root, plan);
  const callOn = /** @type {HTMLTimeElement} */ (part(root, "call-on").querySelector("time"));
  callOn.dateTime = plan.call_on;
  const advice = part(root, "channel-advice");
  unlessShown(advice, [plan.channel.headline, plan.channel.tips], () => {
    const tips = document.createElement("ul");
    tips.append(...plan.channel.tips.map((tip) => withText("li", tip)));
    advice.replaceChildren(withText("strong", plan.channel.headline), tips);
  });
  keepChildren(part(root, "steps"), plan.steps, stepItem);
  const ics = /** @type {HTMLAnchorElement} */ (part(root, "ics"));
  offerFile(ics, plan.ics ?? "", "text/calendar");
  ics.download = plan.calendar.file_name;
  keepChildren(part(root, "glance"), plan.glance, glanceRow, { key: (row) => row.label, refresh: refreshRow });
  keepChildren(part(root, "google-events"), plan.calendar.events, googleEvent);
  /** @type {HTMLAnchorElement} */ (part(root, "google-calendar")).href = plan.google_calendar_url;
  part(root, "verdict").dataset.verdict = plan.too_soon?.verdict ?? "";
  part(root, "answer").hidden = false;
}

/**
 * Hide the answer (the question has a problem to fix first).
 * @param {HTMLElement} root
 */
export function hidePlan(root) {
  part(root, "answer").hidden = true;
  const verdict = part(root, "verdict");
  verdict.textContent = "";
  verdict.dataset.verdict = "";
}

/**
 * Bring the answer into view and give it focus (after the reader pressed the button).
 * @param {HTMLElement} root
 */
export function revealPlan(root) {
  const heading = part(root, "answer-heading");
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "center", behavior: "smooth" });
}
