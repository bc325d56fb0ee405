// @ts-check
/**
 * Fetching the site's region data, for the page (the picker's index) and the calculator's
 * worker alike (worker-regions.js): the manifest `regions.json` beside the lock file names
 * where the files are (`base`, relative to it) and each file's SHA-256 as Subresource
 * Integrity writes it, so the browser refuses a file whose bytes differ.
 *
 * Every file fetched is also kept in Cache Storage, in the cache the site's service worker
 * (sw.js) keeps region files in, `second-date:<site path>:regions-<version>`: on a first
 * visit the service worker is not there yet to keep them, and a later visit offline needs
 * them. The time zone files the worker fetches are kept there too (`keepForOffline`): their
 * folder is named by the same release of the data, and the service worker looks in every
 * cache of the site for a versioned address.
 *
 * @typedef {{version: string, base: string, files: Record<string, string>}} Manifest
 */

/**
 * @param {Response} response
 * @param {string} what
 */
function checked(response, what) {
  if (!response.ok) {
    throw new Error(`${what} did not load (HTTP ${response.status})`);
  }
  return response;
}

/**
 * The manifest of the region data.
 * @param {URL} manifestUrl `regions.json`, beside the lock file
 * @returns {Promise<Manifest>}
 */
export async function fetchManifest(manifestUrl) {
  return checked(await fetch(manifestUrl), "the list of regions").json();
}

/**
 * One file of the set, checked against its hash, as text.
 * @param {Manifest} manifest
 * @param {URL} manifestUrl
 * @param {string} name `KR.json`, or `index.json`
 * @param {string} what the file, as the reader would name it
 */
export async function fetchRegionFile(manifest, manifestUrl, name, what) {
  const integrity = manifest.files[name];
  if (!Object.hasOwn(manifest.files, name) || !integrity) {
    throw new Error(`${what} is not in this site's list of regions`);
  }
  const url = new URL(`${manifest.base}${encodeURIComponent(name)}`, manifestUrl);
  let response;
  try {
    response = await fetch(url, { integrity });
  } catch (error) {
    throw new Error(`${what} could not be fetched whole (${error})`);
  }
  keepForOffline(manifest, manifestUrl, url, checked(response, what).clone());
  return response.text();
}

/**
 * Keep a copy of a file the calculator fetched for a later visit offline, in the regions' cache.
 * @param {Manifest} manifest
 * @param {URL} manifestUrl
 * @param {URL} url the file's address (a region file, or a time zone file beside the wheel)
 * @param {Response} copy a response of its own (a clone), consumed here
 */
export function keepForOffline(manifest, manifestUrl, url, copy) {
  const site = new URL("../../../", manifestUrl).pathname; // the manifest is in assets/calculator/<hash>/
  globalThis.caches
    ?.open(`second-date:${site}:regions-${manifest.version}`)
    .then((cache) => cache.put(url, copy))
    .catch(() => {}); // a full disk: nothing kept, nothing lost
}
