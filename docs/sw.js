// @ts-check
/// <reference lib="webworker" />
/**
 * The site's service worker: after one visit, the articles and the calculator work offline.
 *
 * Served from the site root, so its scope is the whole site and nothing else. The build
 * (build_tools/_offline.py) replaces the MANIFEST line below with this deploy's version and
 * file lists; a new deploy therefore changes this file, the browser installs the new worker,
 * and its `activate` deletes the old deploy's caches.
 *
 * Two caches (named after the site's path too, see PREFIX):
 *   pages-<build version>        every page, script, stylesheet and image of the site,
 *                                fetched on install;
 *   calculator-<runtime+wheel>   the Pyodide runtime, the calculator wheel and its pruned
 *                                standard library (about 11 MB; the runtime's full one is a
 *                                fallback, kept only if fetched), fetched only when a page
 *                                holding the calculator asks (message "keep-calculator", which
 *                                names the time zone files of its region and its reader, kept
 *                                too), and kept across deploys that do not change them;
 *   regions-<version>            the region files a reader's calculator used (the index and
 *                                one small file per region asked about), kept as they pass
 *                                (the calculator's worker keeps what it fetched before this
 *                                worker was there, calculator/worker-regions.js), and the
 *                                time zone files it fetched then (worker-zones.js), found
 *                                here by their versioned address like any cached file.
 *
 * A third cache, <prefix>python-snapshot, belongs to calculator-worker.js (a copy of Python's
 * memory that lets a returning reader skip its start-up): this worker leaves it alone, and
 * the calculator's worker replaces it when the runtime or the wheel changes.
 *
 * Strategies: addresses that carry a version (the runtime's and the wheel's folders, a
 * `?v=` query, Material's hashed file names) are cache-first; everything else, pages first
 * of all, is network-first with the cache as fallback, so a new deploy shows at once.
 */

const MANIFEST = { version: "dev", calculator_version: "dev", shell: [], calculator: [], regions_version: "dev" };

const ROOT = new URL("./", self.location.href);
// Cache Storage is shared by the whole origin (every project site of one GitHub owner):
// names carry this site's path, so a deploy only ever deletes this site's caches.
const PREFIX = `second-date:${ROOT.pathname}:`;
const PAGES = `${PREFIX}pages-${MANIFEST.version}`;
const CALCULATOR = `${PREFIX}calculator-${MANIFEST.calculator_version}`;
const PYTHON_SNAPSHOT = `${PREFIX}python-snapshot`;
const REGIONS = `${PREFIX}regions-${MANIFEST.regions_version}`;
const VERSIONED_FOLDERS = ["assets/pyodide/", "assets/calculator/"].map((folder) => new URL(folder, ROOT).pathname);
const REGIONS_FOLDER = new URL("assets/regions/", ROOT).pathname;
const HASHED_NAME = /\.[0-9a-f]{8}\.min\.(?:js|css)$/;
const NOT_FOUND_PAGE = new URL("404.html", ROOT).href;

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** @param {URL} url */
function isVersioned(url) {
  return (
    url.searchParams.has("v") ||
    HASHED_NAME.test(url.pathname) ||
    [...VERSIONED_FOLDERS, REGIONS_FOLDER].some((folder) => url.pathname.startsWith(folder))
  );
}

/** @param {URL} url */
function cacheFor(url) {
  if (url.pathname.startsWith(REGIONS_FOLDER)) {
    return REGIONS;
  }
  return VERSIONED_FOLDERS.some((folder) => url.pathname.startsWith(folder)) ? CALCULATOR : PAGES;
}

/**
 * A page's own address, as the pages cache keeps it, from any form GitHub Pages answers
 * with that page: with or without `index.html`, percent-encoded or not, with a query or a
 * fragment (which never name another page). The path is decoded, then written as the
 * browser writes it, and a trailing `index.html` dropped: `…/x/index.html?q=1#top` and
 * `…/%78/` are both `…/x/`. A folder named without its trailing slash is left so: see
 * `findPage`.
 * @param {URL} url
 */
function pageAddress(url) {
  const page = new URL(url.origin);
  try {
    page.pathname = decodeURIComponent(url.pathname); // the setter encodes what must be
  } catch {
    page.pathname = url.pathname; // a stray "%": GitHub Pages would not decode it either
  }
  page.pathname = page.pathname.replace(/\/index\.html$/, "/");
  return page;
}

/**
 * The address a response is kept under: a page by its own address without a query (the
 * calculator's inputs; `pageAddress`), where a redirect (a folder named without its slash)
 * ended; an asset with its version only (the worker's URL also names its runtime).
 * @param {Request} request
 * @param {Response} [response] the network's answer, if there is one
 */
function keyFor(request, response) {
  const url = new URL(request.url);
  if (request.mode === "navigate") {
    return pageAddress(new URL(response?.url || request.url)).href;
  }
  const key = new URL(url.pathname, url.origin);
  const version = url.searchParams.get("v");
  if (version !== null) {
    key.searchParams.set("v", version);
  }
  return key.href;
}

/**
 * The kept page a navigation asks for, in any of its address's forms: the page itself, or
 * a redirect to its folder's address with the trailing slash (as GitHub Pages answers
 * `…/x?q=1` with `…/x/?q=1`, so the page's relative links resolve as they should).
 * @param {Request} request
 * @returns {Promise<Response | undefined>}
 */
async function findPage(request) {
  const url = new URL(request.url);
  const page = pageAddress(url);
  const cached = await caches.match(page.href);
  if (cached) {
    return answerWith(request, cached);
  }
  if (page.pathname.endsWith("/")) {
    return undefined;
  }
  page.pathname += "/";
  if (!(await caches.match(page.href))) {
    return undefined;
  }
  page.search = url.search;
  return Response.redirect(page.href, 301);
}

/**
 * A cached response for `request`, under the request's own address: a worker takes its
 * `self.location` from the response, and the page keeps its query string.
 * @param {Request} request
 * @param {Response} cached
 */
async function answerWith(request, cached) {
  if (cached.url === request.url || cached.url === "") {
    return cached;
  }
  const { status, statusText, headers } = cached;
  return new Response(await cached.blob(), { status, statusText, headers });
}

/**
 * Keep a copy of `response` while the page gets it.
 * @param {FetchEvent} event
 * @param {Response} response
 */
async function keep(event, response) {
  const request = event.request;
  const name = cacheFor(new URL(request.url));
  // Whole answers of the site's own only (a 206 is part of a file, a redirect is not a file).
  if (response.status !== 200 || response.type !== "basic") {
    return response;
  }
  // The pages cache is made on install: if it is gone, a newer deploy's worker deleted it,
  // and it stays deleted. The calculator's and the regions' are made by whoever fetches first.
  if (name === CALCULATOR || name === REGIONS || (await caches.has(name))) {
    const copy = response.clone();
    // Keeping a copy is a bonus: the reader gets the answer even if it fails (a full disk).
    const kept = caches.open(name).then((cache) => cache.put(keyFor(request, response), copy));
    event.waitUntil(kept.catch((error) => console.warn(`Not kept for offline use: ${request.url} (${error})`)));
  }
  return response;
}

/** @param {FetchEvent} event */
async function cacheFirst(event) {
  const request = event.request;
  const cached = await caches.match(keyFor(request));
  return cached ? answerWith(request, cached) : keep(event, await fetch(request));
}

/** @param {FetchEvent} event */
async function networkFirst(event) {
  const request = event.request;
  /** @type {Response} */
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (request.mode === "navigate") {
      const page = await findPage(request);
      if (page) {
        return page;
      }
    }
    const cached = await caches.match(request.mode === "navigate" ? NOT_FOUND_PAGE : keyFor(request));
    if (!cached) {
      throw error;
    }
    return answerWith(request, cached);
  }
  return keep(event, response);
}

/**
 * Fetch and keep each address not yet in `cacheName`.
 * @param {string} cacheName
 * @param {string[]} addresses relative to the site root
 * @param {RequestCache} mode "no-cache" revalidates with the server; versioned files need not
 */
async function fill(cacheName, addresses, mode) {
  const cache = await caches.open(cacheName);
  await Promise.all(
    addresses.map(async (address) => {
      const url = new URL(address, ROOT);
      if (!(await cache.match(url.href))) {
        const response = await fetch(new Request(url, { cache: mode }));
        if (!response.ok) {
          throw new Error(`${url.pathname} answered ${response.status}`);
        }
        await cache.put(url.href, response);
      }
    }),
  );
}

sw.addEventListener("install", (event) => {
  event.waitUntil(fill(PAGES, MANIFEST.shell, "no-cache").then(() => sw.skipWaiting()));
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && ![PAGES, CALCULATOR, REGIONS, PYTHON_SNAPSHOT].includes(name))
            .map((name) => caches.delete(name)),
        ),
      ),
  );
});

/**
 * An IANA zone name (`Europe/London`), never a path: the pattern of calculator/worker-zones.js,
 * written again because a classic service worker cannot import a module.
 */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * The addresses of the time zone files a page asks to keep (its region's and its reader's),
 * beside the wheel; names that are not zone names are left out. A zone the site does not
 * publish fails the keeping, as a missing runtime file would, and the page asks again later.
 * @param {unknown} zones
 * @returns {string[]}
 */
function zoneFiles(zones) {
  const kept = /** @type {string[]} */ (MANIFEST.calculator);
  const wheel = kept.find((name) => name.startsWith("assets/calculator/"));
  if (!wheel || !Array.isArray(zones)) return [];
  const folder = wheel.replace(/[^/]+$/, "");
  return zones.filter((zone) => typeof zone === "string" && ZONE_NAME.test(zone)).map((zone) => `${folder}zoneinfo/${zone}`);
}

sw.addEventListener("message", (event) => {
  if (event.data?.type !== "keep-calculator") {
    return;
  }
  const [port] = event.ports;
  event.waitUntil(
    fill(CALCULATOR, [...MANIFEST.calculator, ...zoneFiles(event.data.zones)], "default").then(
      () => port?.postMessage({ type: "kept", version: MANIFEST.calculator_version }),
      (error) => port?.postMessage({ type: "failed", message: String(error?.message ?? error) }),
    ),
  );
});

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) {
    return; // not the site's: the browser fetches it as if there were no service worker
  }
  event.respondWith(request.mode !== "navigate" && isVersioned(url) ? cacheFirst(event) : networkFirst(event));
});
