// @ts-check
/**
 * The region index for the page: fetched once per visit and lock file, beside which its
 * manifest lies, and checked against its hash (region-files.js). When Python needs it too
 * (a region typed by name), the calculator's worker fetches the same file; the browser's
 * cache serves the second ask. When it is fetched: region-field.js.
 *
 * @typedef {import("./regions.js").RegionIndex} RegionIndex
 */

import { fetchManifest, fetchRegionFile } from "./region-files.js";

/** @type {Map<string, Promise<RegionIndex>>} by the lock file's address */
const loaded = new Map();

/**
 * The index of the region data published with the lock file `lock`.
 * @param {URL} lock the site's pyodide-lock.json
 * @returns {Promise<RegionIndex>}
 */
export function regionIndex(lock) {
  let index = loaded.get(lock.href);
  if (!index) {
    const manifestUrl = new URL("regions.json", lock);
    index = fetchManifest(manifestUrl)
      .then((manifest) => fetchRegionFile(manifest, manifestUrl, "index.json", "the list of regions"))
      .then((text) => /** @type {RegionIndex} */ (JSON.parse(text)));
    index.catch(() => loaded.delete(lock.href)); // the next page asks again
    loaded.set(lock.href, index);
  }
  return index;
}
