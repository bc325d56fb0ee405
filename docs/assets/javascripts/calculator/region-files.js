// @ts-check
/**
 * Fetching the site's region data, for the page (the picker's index) and the calculator's
 * worker alike (worker-regions.js): the manifest `regions.json` beside the lock file names
 * where the files are (`base`, relative to it) and each file's digest: the first
 * `digest.bytes` bytes of its SHA-256 in base64url (the build's `_region_data.DIGEST`; short,
 * because the manifest carries 900 of them, so Subresource Integrity's whole hashes do not
 * fit). A file whose bytes differ is refused. Browsers give `crypto.subtle` to secure
 * contexts only (HTTPS, localhost), as they do service workers; on a plain-HTTP address the
 * manifest itself arrives unprotected, and the files are used unchecked.
 *
 * Every file fetched is also kept in Cache Storage, in the cache the site's service worker
 * (sw.js) keeps region files in, `second-date:<site path>:regions-<version>`: on a first
 * visit the service worker is not there yet to keep them, and a later visit offline needs
 * them. The time zone files the worker fetches are kept there too (`keepForOffline`): their
 * folder is named by the same release of the data, and the service worker looks in every
 * cache of the site for a versioned address.
 *
 * @typedef {{algorithm: string, bytes: number}} DigestForm how the manifest writes a digest
 * @typedef {{version: string, base: string, digest: DigestForm, files: Record<string, string>}} Manifest
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
 * @param {RequestPriority} [priority] the fetch's (Fetch standard: "low" waits behind others)
 */
export async function fetchRegionFile(manifest, manifestUrl, name, what, priority = "auto") {
  const expected = manifest.files[name];
  if (!Object.hasOwn(manifest.files, name) || !expected) {
    throw new Error(`${what} is not in this site's list of regions`);
  }
  const url = new URL(`${manifest.base}${encodeURIComponent(name)}`, manifestUrl);
  const { response, bytes } = await fetchBytes(url, what, priority);
  const digest = await digestOf(bytes, manifest.digest);
  if (digest !== null && digest !== expected) {
    throw new Error(`${what} did not match its hash: the copy that arrived is not the site's`);
  }
  keepForOffline(manifest, manifestUrl, url, response);
  return new TextDecoder().decode(bytes);
}

/**
 * A file's response (unread, to keep) and its bytes.
 * @param {URL} url
 * @param {string} what
 * @param {RequestPriority} priority
 */
async function fetchBytes(url, what, priority) {
  let response;
  try {
    response = await fetch(url, { priority });
  } catch (error) {
    throw new Error(`${what} could not be fetched whole (${error})`);
  }
  checked(response, what);
  return { response, bytes: new Uint8Array(await response.clone().arrayBuffer()) };
}

/**
 * `bytes`' digest as the manifest writes it, or null where the browser gives no `crypto.subtle`.
 * @param {Uint8Array<ArrayBuffer>} bytes
 * @param {DigestForm} form
 * @returns {Promise<string | null>}
 */
export async function digestOf(bytes, form) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const cut = new Uint8Array(await subtle.digest(form.algorithm, bytes), 0, form.bytes);
  return btoa(String.fromCharCode(...cut)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
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
