// @ts-check
/**
 * Region data for the calculator's worker, one file at a time.
 *
 * The build puts `regions.json` beside the site's lock file: where the region files are
 * (`base`, relative to it) and each file's digest, so a file whose bytes differ is refused
 * (region-files.js), as the browser refuses a wheel that differs from the lock. Python is
 * told the codes the manifest lists (`calculator.use_region_codes`); before each request it
 * says which files that request needs that it has not been handed yet
 * (`calculator.region_files_needed`): a region's own file (`KR.json`, which names the
 * region and its zone), and the index (`index.json`: every region's names) only when a
 * region is typed by name. Only names from the manifest ever become addresses, never what
 * the reader typed.
 *
 * While Python starts, the file of any region named exactly (by its code) in a request
 * that arrives before Python is ready is fetched already; a worker that Python is ready in
 * with no question asked fetches the file of the region the index suggests for this
 * browser's time zone, the one the page puts in the form.
 *
 * The fetching itself, and the copy kept in Cache Storage, are region-files.js's.
 */

import { fetchManifest, fetchRegionFile, keepForOffline } from "./region-files.js";

/** How long a region file may take before the reader is told (tests lower it). */
const REGION_TIMEOUT_MS = 20_000;

/** The index of every region's names and zone, fetched only when a request needs it. */
const INDEX = "index.json";
/**
 * Rounds of fetching before a request is answered: the index, then the files of the regions
 * typed by name; a third asks Python whether all is there.
 */
const ROUNDS = 3;

/**
 * @typedef {import("./region-files.js").Manifest} Manifest
 * @typedef {{use_region_codes: (codes: string) => void, use_region_index: (text: string) => void,
 *   add_region: (text: string) => string, region_files_needed: (request: string) => string}} RegionSeam
 *   the calculator's functions for region data
 */

export class RegionFiles {
  /** @param {URL} manifestUrl the region manifest, beside the lock file */
  constructor(manifestUrl) {
    this.manifestUrl = manifestUrl;
    /** @type {Promise<Manifest>} */
    this.manifest = fetchManifest(manifestUrl);
    /** @type {Map<string, Promise<string>>} */
    this.files = new Map();
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
   * @param {RequestPriority} [priority] the fetch's, the first time
   * @returns {Promise<string>}
   */
  file(name, priority = "auto") {
    let text = this.files.get(name);
    if (!text) {
      text = this.fetchFile(name, priority);
      this.files.set(name, text);
      text.catch(() => this.files.delete(name)); // asked again, it is fetched again
    }
    return text;
  }

  /**
   * @param {string} name
   * @param {RequestPriority} priority
   */
  async fetchFile(name, priority) {
    return fetchRegionFile(await this.manifest, this.manifestUrl, name, whatOf([name]), priority);
  }

  /**
   * Start fetching the files of the regions named exactly by their codes, where the set has
   * them. Several (a list of saved interviews can name hundreds) are fetched at low
   * priority: while Python starts they would otherwise hold back its own files, queued
   * for the same few connections (HTTP/1.1) or sharing one (HTTP/2).
   * @param {unknown[]} texts what the requests' region fields hold
   * @returns {Promise<void>} once the fetches have started
   */
  guess(texts) {
    const priority = texts.length > 1 ? "low" : "auto";
    return this.manifest
      .then((manifest) => {
        for (const text of texts) {
          const code = String(text ?? "").trim().toUpperCase();
          if (/^[A-Z0-9_-]{2,40}$/.test(code) && Object.hasOwn(manifest.files, `${code}.json`)) {
            this.file(`${code}.json`, priority).catch(() => {});
          }
        }
      })
      .catch(() => {});
  }

  /** Start fetching the index, and the file of the region it suggests for this browser's time zone. */
  guessFromZone() {
    const temporal = /** @type {any} */ (globalThis).Temporal;
    const zone = temporal?.Now.timeZoneId() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.file(INDEX)
      .then((text) => this.guess([JSON.parse(text).suggest?.[zone]]))
      .catch(() => {});
  }

  /**
   * Tell Python which regions the set has (a fresh start; a restored snapshot knows them).
   * @param {RegionSeam} calculator
   */
  async install(calculator) {
    calculator.use_region_codes(codesOf(Object.keys((await this.manifest).files)).join(" "));
  }

  /**
   * Hand Python the files `request` needs, fetching them first if need be, round by round
   * until Python says nothing is missing (the index first, for a region typed by name).
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
    let names = calculator.region_files_needed(request).split(" ").filter(Boolean);
    if (!names.length) return;
    const limit = Number(/** @type {any} */ (globalThis).SECOND_DATE_REGION_TIMEOUT_MS) || REGION_TIMEOUT_MS;
    let timer = 0;
    /** @type {Promise<never>} */
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${whatOf(names)} took too long to load`)), limit);
    });
    try {
      for (let round = 1; names.length && round < ROUNDS; round++) {
        await this.handOver(calculator, names, late);
        names = calculator.region_files_needed(request).split(" ").filter(Boolean);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Fetch files of the set and hand each that arrives to Python; then throw the first failure.
   * @param {RegionSeam} calculator
   * @param {string[]} names
   * @param {Promise<never>} late rejects when the time is up
   */
  async handOver(calculator, names, late) {
    const texts = await Promise.allSettled(names.map((name) => Promise.race([this.file(name), late])));
    texts.forEach((text, at) => {
      if (text.status !== "fulfilled") return;
      if (names[at] === INDEX) calculator.use_region_index(text.value);
      else calculator.add_region(text.value);
    });
    const failed = texts.find((text) => text.status === "rejected");
    if (failed) throw failed.reason;
  }
}

/**
 * Files of the set, as the reader would name them: "the holidays for KR, DE", "the list of regions".
 * @param {string[]} names
 */
function whatOf(names) {
  const codes = codesOf(names);
  const what = codes.length ? [`the holidays for ${codes.join(", ")}`] : [];
  return [...(names.includes(INDEX) ? ["the list of regions"] : []), ...what].join(" and ");
}

/**
 * The region codes of files of the set: `KR.json` is KR's; the index is no region's.
 * @param {string[]} names
 */
function codesOf(names) {
  return names.filter((name) => name !== INDEX).map((name) => name.replace(/\.json$/, ""));
}
