// @ts-check
/**
 * One calculator widget: its form, its answer and its engine, wired together.
 *
 * `mountWidget` returns a function that undoes everything it did outside the widget's own
 * elements (the engine subscription, window listeners), for the glue to call when the page
 * is navigated away from.
 *
 * @typedef {import("./engine.js").Engine} Engine
 * @typedef {import("./protocol.js").Fields} Fields
 * @typedef {import("./form-state.js").Controls} Controls
 */

import { addressFor, asksQuestion } from "./address.js";
import { afterNextFrame } from "./after-frame.js";
import { readerInstant, readerToday, readerZone } from "./clock.js";
import { control, readChoices, readControls, showProblem, showReplyKind, writeControls } from "./form.js";
import { controlsFromAddress, fieldOfControl, fieldsFromControls } from "./form-state.js";
import { part } from "./parts.js";
import { planAnswer } from "./protocol.js";
import { mountRegionField } from "./region-field.js";
import { mountStatus } from "./status.js";
import { announce, hidePlan, revealPlan, showPlan } from "./view.js";
import { mountTakeAway, shareAddress } from "./take-away.js";
import { mountRemember } from "./remember.js";
import { mountCopy } from "./copy.js";

/**
 * Fill the form from the address, then with sensible starting values: today (not when the
 * address names the field: an empty or refused value there gets a message). The region's
 * comes with the region index (region-field.js).
 * @param {HTMLElement} root
 * @param {URLSearchParams} query
 * @returns {Record<string, string>} the values the controls could not hold
 */
function fillForm(root, query) {
  const { controls, carried } = controlsFromAddress(query, readChoices(root));
  writeControls(root, controls);
  /** @type {Partial<Controls>} */
  const defaults = {};
  if (!control(root, "interviewed").value && !query.has("interviewed")) defaults.interviewed = readerToday();
  writeControls(root, defaults);
  return carried;
}

/**
 * Put the question in the page's address, for a reload, a bookmark or a link to share.
 *
 * While Python starts, the address follows the question at once. Once Python is ready, it
 * follows the answer, after the frame that draws it (afterNextFrame): each change of the
 * address costs this long page 4 to 7 ms of the main thread (the browser also looks at the
 * page's icon again) and more of the browser's own work alongside; measured by `make bench`,
 * done before the question was posted it made Python's answer about twice as slow.
 * @param {string} address
 * @param {boolean} latest whether the question is still the latest (else a newer one writes its own)
 */
function followInAddress(address, latest) {
  // Not once the reader has gone to another page (instant navigation keeps this document).
  const here = new URL(address).pathname === window.location.pathname;
  if (latest && here && address !== window.location.href) {
    window.history.replaceState(window.history.state, "", address);
  }
}

/**
 * Start Python when the browser is idle or the widget comes near the screen.
 * @param {HTMLElement} root
 * @param {Engine} engine
 * @returns {() => void} stops watching
 */
function startWhenWanted(root, engine) {
  const start = () => engine.start();
  const idles = typeof window.requestIdleCallback === "function"; // Safari has none
  const idle = idles ? window.requestIdleCallback(start, { timeout: 3000 }) : window.setTimeout(start, 1500);
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
  return () => {
    observer.disconnect();
    if (idles) window.cancelIdleCallback(idle);
    else window.clearTimeout(idle);
  };
}

/**
 * Wire one widget to the engine. Safe to call twice: the second call does nothing.
 * @param {HTMLElement} root the widget (`data-sd-component="calculator"`)
 * @param {Engine} engine
 * @returns {() => void} unmounts
 */
export function mountWidget(root, engine) {
  if (root.dataset.wired === "true") return () => {};
  root.dataset.wired = "true";
  const query = new URLSearchParams(window.location.search);
  const carried = fillForm(root, query);
  mountRemember(root);
  mountCopy(root);
  let latest = 0;
  let mounted = true;
  // A question already asked without the region is asked again with the one suggested.
  const address = { asked: asksQuestion(query), named: query.has("region") };
  const regionField = mountRegionField(root, engine.lock, address, () => latest > 0 && void calculate());
  /** @param {{reveal?: boolean}} [options] reveal: bring the answer into view and focus */
  const calculate = async ({ reveal = false } = {}) => {
    const fields = fieldsFromControls(readControls(root), carried);
    const address = addressFor(window.location.href, fields);
    const asked = ++latest;
    const link = shareAddress(root, address); // the events in the calendar lead back to the plan
    const asking = { ...fields, today: readerToday(), dtstamp: readerInstant(), tz: readerZone(), link };
    const follow = () => followInAddress(address, mounted && asked === latest);
    const ready = engine.state.phase === "ready"; // else the address follows at once
    if (!ready) follow();
    const answer = planAnswer(await engine.ask(asking));
    if (asked !== latest) return; // a newer question is on its way
    showProblem(root, answer.ok ? null : answer.error);
    announce(root, answer.ok ? fields : null);
    if (answer.ok) showPlan(root, answer.plan);
    else hidePlan(root);
    if (ready) afterNextFrame(follow);
    if (answer.ok) regionField.answered(answer.plan);
    if (answer.ok && reveal) revealPlan(root);
  };

  const form = /** @type {HTMLFormElement} */ (part(root, "form"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void calculate({ reveal: true });
  });
  /** @param {Event} event */
  const changed = (event) => {
    const field = /** @type {HTMLElement} */ (event.target).dataset.sdField ?? "";
    if (field === "reply-kind") showReplyKind(root);
    delete carried[fieldOfControl(field)]; // the control now says what the reader means
    void calculate();
  };
  form.addEventListener("change", changed);
  control(root, "considering").addEventListener("change", changed);
  form.addEventListener("focusin", () => engine.start(), { once: true });
  part(root, "retry").addEventListener("click", () => {
    engine.retry();
    void calculate();
  });

  const gone = () => void (mounted = false); // an address still to follow is let go
  const stops = [mountStatus(root, engine), mountTakeAway(root), regionField.unmount, gone];
  // Now if the address asks a question, else when Python is wanted.
  if (asksQuestion(query)) void calculate();
  else stops.push(startWhenWanted(root, engine));
  return () => stops.forEach((stop) => stop());
}
