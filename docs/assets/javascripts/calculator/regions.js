// @ts-check
/**
 * The widget's list of regions (rendered by the build into a `<datalist>`): their names, and
 * the region to suggest to a reader from their time zone or language.
 *
 * @typedef {{code: string, name: string, zones: string[]}} RegionOption
 */

/**
 * The regions a widget offers.
 * @param {ParentNode} root
 * @returns {RegionOption[]}
 */
export function readRegions(root) {
  return [...root.querySelectorAll("[data-sd-regions] option")].map((option) => ({
    code: /** @type {HTMLOptionElement} */ (option).value,
    name: option.textContent ?? "",
    zones: (option.getAttribute("data-zones") ?? "").split(" ").filter(Boolean),
  }));
}

/**
 * The employer's region to suggest: the one the build marked for the reader's time zone,
 * else the country of the reader's language ("en-AU"), else none. A reader in Sydney most
 * likely interviews with an employer in New South Wales.
 * @param {RegionOption[]} regions
 * @param {string} zone the reader's IANA time zone
 * @param {string} language the reader's language tag
 */
export function guessRegion(regions, zone, language) {
  const country = (language.split("-")[1] ?? "").toUpperCase();
  const guess =
    regions.find((region) => region.zones.includes(zone)) ?? regions.find((region) => region.code === country);
  return guess?.code ?? "";
}

/**
 * The name of the region a reader typed as a code (any case), or "".
 * @param {RegionOption[]} regions
 * @param {string} typed
 */
export function regionName(regions, typed) {
  const code = typed.trim().toUpperCase();
  return regions.find((region) => region.code === code)?.name ?? "";
}
