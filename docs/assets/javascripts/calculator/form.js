// @ts-check
/**
 * The widget's form in the DOM: reads the controls into plain values, writes values back,
 * and shows a problem at its field. Every control carries `data-sd-field` with the name
 * form-state.js knows it by; every field's message box carries `data-sd-error`.
 *
 * @typedef {import("./form-state.js").Controls} Controls
 * @typedef {import("./form-state.js").Choices} Choices
 * @typedef {import("./protocol.js").Problem} Problem
 */

/**
 * @param {ParentNode} root
 * @param {string} name
 */
function controls(root, name) {
  return /** @type {HTMLInputElement[]} */ ([...root.querySelectorAll(`[data-sd-field="${name}"]`)]);
}

/**
 * The one control of a field (a text, date or select input).
 * @param {ParentNode} root
 * @param {string} name
 */
export function control(root, name) {
  return /** @type {HTMLInputElement} */ (root.querySelector(`[data-sd-field="${name}"]`));
}

/**
 * The value of the checked radio of a group, or "".
 * @param {ParentNode} root
 * @param {string} name
 */
function checked(root, name) {
  return controls(root, name).find((radio) => radio.checked)?.value ?? "";
}

/**
 * The choices the markup offers (rendered by the build from the calculator's lists).
 * @param {ParentNode} root
 * @returns {Choices}
 */
export function readChoices(root) {
  const values = (/** @type {string} */ name) => controls(root, name).map((box) => box.value);
  const unit = /** @type {HTMLSelectElement} */ (/** @type {unknown} */ (control(root, "unit")));
  return {
    units: [...unit.options].map((option) => option.value),
    pending: values("pending"),
    channels: values("channel"),
    replyKinds: values("reply-kind"),
  };
}

/**
 * What the controls hold now.
 * @param {ParentNode} root
 * @returns {Controls}
 */
export function readControls(root) {
  const value = (/** @type {string} */ name) => control(root, name).value;
  return {
    interviewed: value("interviewed"),
    replyKind: checked(root, "reply-kind") || "span",
    count: value("count"),
    unit: value("unit"),
    named: value("named"),
    region: value("region"),
    pending: controls(root, "pending")
      .filter((box) => box.checked)
      .map((box) => box.value),
    channel: checked(root, "channel") || "phone",
    considering: value("considering"),
    details: readDetails(root),
    missed: control(root, "missed").checked,
  };
}

/**
 * The reader's optional details, by field name (`data-sd-detail` controls).
 * @param {ParentNode} root
 * @returns {Record<string, string>}
 */
export function readDetails(root) {
  const inputs = /** @type {HTMLInputElement[]} */ ([...root.querySelectorAll("[data-sd-detail]")]);
  return Object.fromEntries(inputs.map((input) => [input.dataset.sdField ?? "", input.value]));
}

/**
 * Put remembered details back into their controls (unknown names are ignored).
 * @param {ParentNode} root
 * @param {Record<string, string>} details
 */
export function writeDetails(root, details) {
  for (const input of /** @type {HTMLInputElement[]} */ ([...root.querySelectorAll("[data-sd-detail]")])) {
    const value = details[input.dataset.sdField ?? ""];
    if (typeof value === "string") input.value = value;
  }
}

/**
 * Put values into the controls; fields not named are left as they are.
 * @param {ParentNode} root
 * @param {Partial<Controls>} values
 */
export function writeControls(root, values) {
  for (const name of /** @type {const} */ (["interviewed", "count", "unit", "named", "region", "considering"])) {
    const value = values[name];
    if (value !== undefined) control(root, name).value = value;
  }
  const groups = /** @type {const} */ ([["reply-kind", values.replyKind], ["channel", values.channel]]);
  for (const [name, value] of groups) {
    if (value !== undefined) for (const radio of controls(root, name)) radio.checked = radio.value === value;
  }
  const pending = values.pending;
  if (pending) for (const box of controls(root, "pending")) box.checked = pending.includes(box.value);
  showReplyKind(root);
}

/**
 * Show only the reply controls of the chosen kind (`data-sd-reply`).
 * @param {ParentNode} root
 */
export function showReplyKind(root) {
  const kind = checked(root, "reply-kind") || "span";
  for (const part of root.querySelectorAll("[data-sd-reply]")) {
    /** @type {HTMLElement} */ (part).hidden = part.getAttribute("data-sd-reply") !== kind;
  }
}

/**
 * The controls a problem with `field` points at.
 * @param {ParentNode} root
 * @param {string} field
 */
function controlsOf(root, field) {
  if (field !== "reply") return controls(root, field);
  const kind = checked(root, "reply-kind") || "span";
  if (kind === "span") return controls(root, "count");
  if (kind === "date") return controls(root, "named");
  return controls(root, "reply-kind");
}

/**
 * Show Python's message at its field (or under the form), marking its controls invalid;
 * `null` clears every message.
 * @param {ParentNode} root
 * @param {Problem | null} problem
 */
export function showProblem(root, problem) {
  for (const marked of root.querySelectorAll("[aria-invalid]")) marked.removeAttribute("aria-invalid");
  for (const box of root.querySelectorAll("[data-sd-error]")) {
    // Only what shows a message is written (most answers clear nothing: cheaper for the page).
    if (box.textContent) box.textContent = "";
    if (!(/** @type {HTMLElement} */ (box).hidden)) /** @type {HTMLElement} */ (box).hidden = true;
  }
  if (!problem) return;
  const box =
    (problem.field && root.querySelector(`[data-sd-error="${problem.field}"]`)) ||
    /** @type {HTMLElement} */ (root.querySelector('[data-sd-error="form"]'));
  box.textContent = problem.message;
  /** @type {HTMLElement} */ (box).hidden = false;
  for (const marked of controlsOf(root, problem.field ?? "")) marked.setAttribute("aria-invalid", "true");
}
