// @ts-check
/**
 * The question in a page's address: which fields live there, and the address holding them.
 * Pure functions; a module of its own so pages without the calculator's form (the glue on
 * every page, My interviews) need not fetch the form's state.
 *
 * @typedef {import("./protocol.js").Fields} Fields
 */

/** The fields that live in the page's address, in the engine's own language. */
export const ADDRESS_FIELDS = /** @type {const} */ (["interviewed", "reply", "region", "pending", "channel", "considering"]);

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
