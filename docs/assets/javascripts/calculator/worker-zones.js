// @ts-check
/**
 * Time zone data for Python's `zoneinfo` in the calculator's worker.
 *
 * Pyodide ships no time zone database. The site publishes each zone as its own TZif file
 * (from the `tzdata` package, see build_tools/_zones.py) in a `zoneinfo/` folder beside the
 * wheel and lock file, an address that changes whenever the wheel or the data does. Before
 * a request, the worker asks Python which zones that answer needs (`{kind: "zones"}`: the
 * employer's and the reader's, when they differ; for a plan, only until its region's and the
 * reader's zones are in place), fetches the ones it has not written yet,
 * and writes them where `zoneinfo` looks first. A zone that cannot be fetched is simply
 * missing: Python then gives the employer's clock alone, and the worker tries again at the
 * next request. Each file fetched is handed to `keep`, which keeps a copy for a later visit
 * offline (on a first visit the service worker is not there yet to keep it).
 */

/**
 * Where the zone files go: the first folder of Pyodide's default TZPATH. The worker also
 * names it in PYTHONTZPATH, which spares `zoneinfo`'s import reading Python's build
 * configuration to find the default (tens of milliseconds of a first answer).
 */
export const ZONEINFO = "/usr/share/zoneinfo";
/** An IANA zone name (`Europe/London`, `America/Argentina/Buenos_Aires`), never a path. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;
/** The first bytes of every TZif file (RFC 8536). */
const TZIF = [0x54, 0x5a, 0x69, 0x66];

/**
 * @typedef {{FS: {mkdirTree: (path: string) => void, writeFile: (path: string, data: Uint8Array) => void}}} ZoneFiles
 *   the part of Pyodide this module uses: its in-memory file system
 * @typedef {(request: string) => string} Handler Python's `calculator.handle_request`
 * @typedef {(url: URL, copy: Response) => unknown} Keep keeps a copy of a fetched file
 */

/**
 * Fetch one zone's file and write it for `zoneinfo`.
 * @param {ZoneFiles} pyodide
 * @param {URL} folder the published `zoneinfo/` folder
 * @param {string} name
 * @param {Keep} keep
 * @returns {Promise<boolean>} whether the zone is now in place
 */
async function writeZone(pyodide, folder, name, keep) {
  try {
    const url = new URL(name, folder);
    const response = await fetch(url);
    if (!response.ok) {
      // Read the error page to its end, so the request is over now: left half-read, it is cut
      // off whenever the page goes away, and shows as an aborted request.
      await response.arrayBuffer();
      return false;
    }
    const copy = response.clone();
    const data = new Uint8Array(await response.arrayBuffer());
    if (!TZIF.every((byte, index) => data[index] === byte)) {
      return false;
    }
    keep(url, copy);
    pyodide.FS.mkdirTree(`${ZONEINFO}/${name}`.replace(/\/[^/]+$/, ""));
    pyodide.FS.writeFile(`${ZONEINFO}/${name}`, data);
    return true;
  } catch (error) {
    console.warn(`The time zone ${name} could not be loaded (${error}): one clock only.`);
    return false;
  }
}

/**
 * The zones Python says a request needs.
 * @param {Handler} handle
 * @param {Record<string, unknown>} asked a request of the protocol, read
 * @returns {string[]}
 */
function zonesFor(handle, asked) {
  const answer = JSON.parse(handle(JSON.stringify({ ...asked, kind: "zones" })));
  return answer.ok ? answer.zones.filter((/** @type {string} */ name) => ZONE_NAME.test(name)) : [];
}

/**
 * What the zones of a plan depend on: its region and the reader's zone, as sent (Python's
 * `_needed`: the region's zone, and the reader's). Null for anything but a plan.
 * @param {Record<string, unknown>} asked
 * @returns {string | null}
 */
function planZonesKey(asked) {
  const fields = /** @type {Record<string, unknown> | undefined} */ (asked.fields);
  if ((asked.kind ?? "plan") !== "plan" || typeof fields !== "object" || fields === null) return null;
  return JSON.stringify([fields.region ?? "", fields.tz ?? ""]);
}

/**
 * Wrap Python's handler so that every request finds the zones it needs in place.
 *
 * A plan's region and the reader's zone, once all their zones are in place, are not asked
 * about again: the reader changing any other field (the usual case) costs one call to Python.
 * @param {ZoneFiles} pyodide
 * @param {Handler} handle
 * @param {URL} folder the published `zoneinfo/` folder (ending in "/")
 * @param {Keep} [keep] keeps a copy of each zone file fetched, for a later visit offline
 * @returns {(request: string) => Promise<string>}
 */
export function withZones(pyodide, handle, folder, keep = () => {}) {
  /** @type {Map<string, Promise<boolean>>} zones written, or on their way */
  const zones = new Map();
  /** @type {Set<string>} plans' regions and reader's zones whose zones are all in place */
  const inPlace = new Set();
  /** @param {string} name */
  const ensure = (name) => {
    let pending = zones.get(name);
    if (!pending) {
      pending = writeZone(pyodide, folder, name, keep);
      zones.set(name, pending);
      pending.then((written) => written || zones.delete(name)); // try again next time
    }
    return pending;
  };
  return async (request) => {
    const asked = JSON.parse(request);
    const key = planZonesKey(asked);
    if (key === null || !inPlace.has(key)) {
      const written = await Promise.all(zonesFor(handle, asked).map(ensure));
      if (key !== null && written.every(Boolean)) inPlace.add(key);
    }
    return handle(request);
  };
}
