// @ts-check
/**
 * The form's state, three ways: the controls' values, the request's fields, the address.
 * Pure functions, no DOM: form.js reads and writes the controls, and this module turns
 * what they hold into fields and back.
 *
 * The choices (reply kinds and units, pending items, channels) are not listed here: they
 * come from the widget's markup, which the build renders from the calculator's own lists.
 *
 * @typedef {import("./protocol.js").Fields} Fields
 * @typedef {{interviewed: string, replyKind: string, count: string, unit: string, named: string,
 *   region: string, pending: string[], channel: string, considering: string,
 *   details: Record<string, string>, missed: boolean}} Controls
 *   `details` are the reader's optional texts for the words to say (name, interviewer, role,
 *   company): sent to the worker, never put in the address.
 * @typedef {{units: string[], pending: string[], channels: string[], replyKinds: string[]}} Choices
 * @typedef {{controls: Partial<Controls>, carried: Record<string, string>}} FromAddress
 *   what the address puts in the controls, and the values they cannot hold (`carried`): a
 *   date input drops 2026-02-30, no checkbox shows an unknown item. Those are sent to Python
 *   as they came, so its message names the field, until the reader changes that field.
 */

/** The fields that live in the page's address, in the engine's own language. */
export const ADDRESS_FIELDS = /** @type {const} */ (["interviewed", "reply", "region", "pending", "channel", "considering"]);

/**
 * Whether a date input can hold `text`: a real day written YYYY-MM-DD. This is the input's
 * own rule, checked first because a refused value costs a console warning.
 * @param {string} text
 */
export function fitsDateInput(text) {
  const day = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/**
 * The request's fields from the controls; values the controls could not hold win.
 * @param {Controls} controls
 * @param {Record<string, string>} carried
 * @returns {Fields}
 */
export function fieldsFromControls(controls, carried) {
  const kind = controls.replyKind;
  const reply = kind === "span" ? `${controls.count.trim()}${controls.unit}` : kind === "date" ? controls.named : kind;
  return {
    interviewed: controls.interviewed,
    reply,
    region: controls.region.trim(),
    pending: controls.pending.join(","),
    channel: controls.channel,
    considering: controls.considering,
    ...carried,
    ...controls.details,
    missed: controls.missed ? "yes" : "",
    reply_kind: kind,
  };
}

/**
 * How a `reply` from the address fits the reply controls.
 * @param {string} reply
 * @param {Choices} choices
 * @returns {{controls: Partial<Controls>, carried: string | null}}
 */
export function replyControls(reply, choices) {
  const span = new RegExp(`^(\\d+)(${choices.units.join("|")})$`).exec(reply);
  if (span) return { controls: { replyKind: "span", count: span[1], unit: span[2] }, carried: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(reply)) {
    const fits = fitsDateInput(reply);
    return { controls: { replyKind: "date", named: fits ? reply : "" }, carried: fits ? null : reply };
  }
  const plain = choices.replyKinds.filter((kind) => kind !== "span" && kind !== "date");
  if (plain.includes(reply)) return { controls: { replyKind: reply }, carried: null };
  if (!reply) return { controls: { replyKind: "none" }, carried: null };
  // Not understood: keep it in view in the count box; Python says what is wrong.
  return { controls: { replyKind: "span", count: reply }, carried: reply };
}

/**
 * What the address puts in the controls.
 * @param {URLSearchParams} query
 * @param {Choices} choices
 * @returns {FromAddress}
 */
export function controlsFromAddress(query, choices) {
  /** @type {Partial<Controls>} */
  const controls = {};
  /** @type {Record<string, string>} */
  const carried = {};
  for (const name of /** @type {const} */ (["interviewed", "considering"])) {
    const text = query.get(name);
    if (text === null) continue;
    controls[name] = fitsDateInput(text) ? text : "";
    if (!fitsDateInput(text)) carried[name] = text;
  }
  const reply = query.get("reply");
  if (reply !== null) {
    const fitted = replyControls(reply, choices);
    Object.assign(controls, fitted.controls);
    if (fitted.carried !== null) carried.reply = fitted.carried;
  }
  const region = query.get("region");
  if (region !== null) controls.region = region;
  const pending = query.get("pending");
  if (pending !== null) {
    const wanted = pending.split(",").filter(Boolean);
    controls.pending = choices.pending.filter((value) => wanted.includes(value));
    if (wanted.some((value) => !choices.pending.includes(value))) carried.pending = pending;
  }
  const channel = query.get("channel");
  if (channel !== null) {
    controls.channel = choices.channels.includes(channel) ? channel : "";
    if (channel && !choices.channels.includes(channel)) carried.channel = channel;
  }
  return { controls, carried };
}

/**
 * The page's address holding `fields` (empty ones left out), other parameters kept.
 * @param {string} href the address now
 * @param {Fields} fields
 * @returns {string} the address to show (the same text when nothing changed)
 */
export function addressFor(href, fields) {
  const address = new URL(href);
  for (const name of ADDRESS_FIELDS) {
    const value = fields[name];
    if (value) address.searchParams.set(name, value);
    else address.searchParams.delete(name);
  }
  return address.href === href ? href : address.href;
}

/**
 * Whether the address asks a question (names any of the form's fields).
 * @param {URLSearchParams} query
 */
export function asksQuestion(query) {
  return ADDRESS_FIELDS.some((name) => query.has(name));
}

/**
 * The field a changed control belongs to: its value, from now on, is what the control says.
 * @param {string} controlName the control's `name`
 */
export function fieldOfControl(controlName) {
  return ["reply-kind", "count", "unit", "named"].includes(controlName) ? "reply" : controlName;
}
