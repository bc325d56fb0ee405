// @ts-check
/**
 * Region data for the calculator's worker, one region at a time.
 *
 * The build puts `regions.json` beside the site's lock file: where the region files are
 * (`base`, relative to it) and each file's digest, so a file whose bytes differ is refused
 * (region-files.js), as the browser refuses a wheel that differs from the lock. The index
 * (every region's code, names and zone) is fetched with the calculator and handed to Python
 * once; a region's own file (`KR.json`) is fetched the first time a request needs it, and
 * handed to Python before that request is answered.
 * Python says which regions a request needs (`calculator.regions_needed`: a plan's one, or
 * each saved interview's): only codes from the index ever become addresses, never what the
 * reader typed.
 *
 * While Python starts, the file of the region the reader is likely to ask about is
 * fetched already: the one the index suggests for this browser's time zone, and any
 * region named exactly (by its code) in a request that arrives before Python is ready.
 *
 * The fetching itself, and the copy kept in Cache Storage, are region-files.js's.
 */

import { fetchManifest, fetchRegionFile, keepForOffline } from "./region-files.js";

/** How long a region file may take before the reader is told (tests lower it). */
const REGION_TIMEOUT_MS = 20_000;

/**
 * @typedef {import("./region-files.js").Manifest} Manifest
 * @typedef {{use_region_index: (text: string) => void, add_region: (text: string) => string,
 *   regions_needed: (request: string) => string}} RegionSeam the calculator's functions for region data
 */

export class RegionFiles {
  /** @param {URL} manifestUrl the region manifest, beside the lock file */
  constructor(manifestUrl) {
    this.manifestUrl = manifestUrl;
    /** @type {Promise<Manifest>} */
    this.manifest = fetchManifest(manifestUrl);
    /** @type {Map<string, Promise<string>>} */
    this.files = new Map();
    this.index = this.file("index.json", "the list of regions");
    this.index.catch(() => {}); // awaited by install(), once Python runs
    this.guessFromZone();
  }

  /**
   * Keep a copy of another file the worker fetched (a time zone's) for a later visit offline.
   * @param {URL} url
   * @param {Response} copy a response of its own (a clone)
   */
  async keep(url, copy) {
    keepForOffline(await this.manifest, this.manifestUrl, url, copy);
  }

  /**
   * A file of the set, fetched once and checked against its hash.
   * @param {string} name `KR.json`, or `index.json`
   * @param {string} what the file, as the reader would name it
   * @returns {Promise<string>}
   */
  file(name, what) {
    let text = this.files.get(name);
    if (!text) {
      text = this.fetchFile(name, what);
      this.files.set(name, text);
      text.catch(() => this.files.delete(name)); // asked again, it is fetched again
    }
    return text;
  }

  /**
   * @param {string} name
   * @param {string} what
   */
  async fetchFile(name, what) {
    return fetchRegionFile(await this.manifest, this.manifestUrl, name, what);
  }

  /**
   * Start fetching the file of a region named exactly by its code, if the set has one.
   * @param {unknown} text what a request's region field holds
   */
  guess(text) {
    const code = String(text ?? "").trim().toUpperCase();
    this.manifest
      .then((manifest) => {
        if (/^[A-Z0-9_-]{2,40}$/.test(code) && Object.hasOwn(manifest.files, `${code}.json`)) {
          this.file(`${code}.json`, `the holidays for ${code}`).catch(() => {});
        }
      })
      .catch(() => {});
  }

  /** Start fetching the region the index suggests for this browser's time zone. */
  guessFromZone() {
    const temporal = /** @type {any} */ (globalThis).Temporal;
    const zone = temporal?.Now.timeZoneId() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.index
      .then((text) => this.guess(JSON.parse(text).suggest?.[zone]))
      .catch(() => {});
  }

  /**
   * Hand Python the index (a fresh start; a restored snapshot holds it already).
   * @param {RegionSeam} calculator
   */
  async install(calculator) {
    calculator.use_region_index(await this.index);
  }

  /**
   * Hand Python the files of the regions `request` asks about, fetching them first if need be.
   *
   * The time limit starts here, once Python is ready: while Python starts, this thread is
   * busy for seconds on end, and a file fetched meanwhile must not be blamed for it. Every
   * file that arrives is handed over, even when another fails; then the first failure is
   * thrown (a list of saved interviews is answered all the same: Python says, for each one
   * whose file is missing, that it could not load).
   * @param {RegionSeam} calculator
   * @param {string} request the request's JSON, as Python will read it
   */
  async prepare(calculator, request) {
    const codes = calculator.regions_needed(request).split(" ").filter(Boolean);
    if (!codes.length) {
      return;
    }
    const limit = Number(/** @type {any} */ (globalThis).SECOND_DATE_REGION_TIMEOUT_MS) || REGION_TIMEOUT_MS;
    let timer = 0;
    /** @type {Promise<never>} */
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${holidaysOf(codes)} took too long to load`)), limit);
    });
    try {
      const texts = await Promise.allSettled(
        codes.map((code) => Promise.race([this.file(`${code}.json`, holidaysOf([code])), late])),
      );
      for (const text of texts) {
        if (text.status === "fulfilled") calculator.add_region(text.value);
      }
      const failed = texts.find((text) => text.status === "rejected");
      if (failed) throw failed.reason;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The regions' holidays, as the reader would name them.
 * @param {string[]} codes
 */
function holidaysOf(codes) {
  return `the holidays for ${codes.join(", ")}`;
}
