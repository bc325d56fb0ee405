// @ts-check
/**
 * The answer in the DOM: places the plan's finished text, never writing a date or a sentence
 * of its own, and never markup (`textContent` only). Parts carry `data-sd-part`; each slot
 * for one of the plan's sentences carries `data-sd-text` naming its key in `plan.text`.
 *
 * @typedef {import("./protocol.js").Plan} Plan
 * @typedef {import("./protocol.js").PlanText} PlanText
 * @typedef {import("./protocol.js").Step} Step
 */

/**
 * A part of the widget.
 * @param {ParentNode} root
 * @param {string} name
 */
export function part(root, name) {
  return /** @type {HTMLElement} */ (root.querySelector(`[data-sd-part="${name}"]`));
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
 * The sentence for one slot: the plan's text for it, or "" for a slot the plan has no text for.
 * @param {PlanText} text
 * @param {string} slot
 */
export function slotText(text, slot) {
  return Object.hasOwn(text, slot) ? text[/** @type {keyof PlanText} */ (slot)] : "";
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
 * Point a download link at a new file, letting go of the last one.
 * @param {HTMLAnchorElement} link
 * @param {string} text
 * @param {string} type
 */
function offerFile(link, text, type) {
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([text], { type }));
}

/**
 * Show a plan: every sentence in its slot, the steps, the channel's advice, the calendar links.
 * @param {HTMLElement} root the widget
 * @param {Plan} plan
 */
export function showPlan(root, plan) {
  for (const slot of root.querySelectorAll("[data-sd-text]")) {
    slot.textContent = slotText(plan.text, slot.getAttribute("data-sd-text") ?? "");
  }
  const callOn = /** @type {HTMLTimeElement} */ (part(root, "call-on").querySelector("time"));
  callOn.dateTime = plan.call_on;
  const tips = document.createElement("ul");
  tips.append(...plan.channel.tips.map((tip) => withText("li", tip)));
  part(root, "channel-advice").replaceChildren(withText("strong", plan.channel.headline), tips);
  part(root, "steps").replaceChildren(...plan.steps.map(stepItem));
  offerFile(/** @type {HTMLAnchorElement} */ (part(root, "ics")), plan.ics ?? "", "text/calendar");
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
