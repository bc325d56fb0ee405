// @ts-check
/**
 * The calculator worker's memory snapshots: finding a kept one, checking it, keeping a new one.
 *
 * @typedef {{request: string, answer: string, sha256: string}} SnapshotCheck
 *   a request answered before the snapshot was taken, its answer, and the snapshot's digest
 * @typedef {{makeMemorySnapshot: () => Uint8Array}} Snapshotting the part of Pyodide used here
 */

//
// Pyodide can copy the interpreter's whole memory once it is running (about 31 MB, 7 MB
// gzipped) and start a later instance from that copy in a fraction of the time Python's own
// start-up takes. The copy is only valid for the same runtime build (Pyodide checks its build
// id) and the same wheel, so it is kept under an address naming both, and a new deploy of
// either makes a new one. A kept snapshot is checked twice before it is trusted: its SHA-256
// must match the digest kept beside it, and the restored interpreter must answer the request
// answered before the copy was made with exactly the same text. Anything else throws it away
// and starts Python the ordinary way. Pyodide's snapshot API is marked experimental (leading
// underscore); the checks are why using it is safe.

/** The site root (this module lives in assets/javascripts/calculator/). */
const SITE_ROOT = new URL("../../../", import.meta.url);
/** Cache Storage is shared by the origin: the name carries the site's path, as sw.js's do. */
const SNAPSHOT_CACHE = `second-date:${SITE_ROOT.pathname}:python-snapshot`;

/**
 * Where this runtime and wheel's snapshot is kept: one address for the memory, one for its check.
 * @param {string} runtime
 * @param {string} lock
 */
export function snapshotKeys(runtime, lock) {
  const key = new URL("python-snapshot", SITE_ROOT);
  key.searchParams.set("runtime", runtime);
  key.searchParams.set("lock", lock);
  const check = new URL(key);
  check.searchParams.set("part", "check");
  return { memory: key.href, check: check.href };
}

/** @param {BufferSource} bytes */
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * @param {Uint8Array} bytes
 * @param {CompressionStream | DecompressionStream} transform
 */
async function through(bytes, transform) {
  const stream = new Blob([/** @type {BlobPart} */ (bytes)]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The kept snapshot for this runtime and wheel, if there is one: its check at once, and its
 * memory as a promise (read, checked against its digest and unpacked while Pyodide fetches
 * its runtime: loadPyodide takes the promise). The promise rejects if the digest differs.
 * @param {{memory: string, check: string}} keys
 * @returns {Promise<{memory: Promise<Uint8Array>, check: SnapshotCheck} | null>}
 */
export async function findSnapshot(keys) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const listed = await cache.match(keys.check);
    if (!listed) {
      return null;
    }
    /** @type {SnapshotCheck} */
    const check = await listed.json();
    const memory = (async () => {
      const kept = await cache.match(keys.memory);
      const packed = new Uint8Array(kept ? await kept.arrayBuffer() : []);
      if ((await sha256(packed)) !== check.sha256) {
        throw new Error("the kept snapshot is not the one its digest names");
      }
      return through(packed, new DecompressionStream("gzip"));
    })();
    memory.catch(() => {}); // loadPyodide, which awaits it, rejects in turn
    return { memory, check };
  } catch {
    return null; // no Cache Storage here (a private window, an insecure origin): start afresh
  }
}

/** Delete every kept snapshot of this site (old runtimes and wheels, or a bad copy). */
export async function forgetSnapshots() {
  try {
    await caches.delete(SNAPSHOT_CACHE);
  } catch {
    // nothing was kept, or nothing can be
  }
}

/**
 * Copy the running interpreter's memory and keep it, with the request it has answered.
 * Files are not part of the copy: a restored instance unpacks the wheel again as it starts.
 * @param {Snapshotting} pyodide
 * @param {{memory: string, check: string}} keys
 * @param {{request: string, answer: string}} answered
 * @returns {Promise<boolean>} whether it was kept
 */
export async function keepSnapshot(pyodide, keys, answered) {
  try {
    const memory = pyodide.makeMemorySnapshot();
    const packed = await through(memory, new CompressionStream("gzip"));
    /** @type {SnapshotCheck} */
    const check = { ...answered, sha256: await sha256(packed) };
    await forgetSnapshots(); // one snapshot per site: the current runtime and wheel's
    const cache = await caches.open(SNAPSHOT_CACHE);
    await cache.put(keys.memory, new Response(/** @type {BodyInit} */ (packed)));
    await cache.put(keys.check, Response.json(check));
    return true;
  } catch {
    return false; // a full disk or no Cache Storage: the next visit starts afresh
  }
}

