// @ts-check
/**
 * The reader's clock, read: the page's only reading of it. Python has no clock, so every
 * request carries these, and Python writes every date the reader sees.
 */

/**
 * Today in the reader's own time zone, as YYYY-MM-DD (the request's `today`).
 * @param {Date} [now]
 */
export function readerToday(now = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * This instant as an ISO string in UTC (the request's `dtstamp`, the calendar file's stamp).
 * @param {Date} [now]
 */
export function readerInstant(now = new Date()) {
  return now.toISOString();
}

/** The reader's IANA time zone, or "" when the browser does not say. */
export function readerZone() {
  // Temporal knows the zone at once; Intl (browsers without Temporal) loads locale data first.
  const temporal = /** @type {any} */ (globalThis).Temporal;
  try {
    return String(temporal?.Now.timeZoneId() ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
  } catch {
    return ""; // a browser that cannot say: the employer's clock alone
  }
}
