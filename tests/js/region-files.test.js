// Unit tests for fetching region files against the manifest's short digests.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { afterEach, test } from "node:test";

import { digestOf, fetchRegionFile } from "../../docs/assets/javascripts/calculator/region-files.js";

const FORM = { algorithm: "SHA-256", bytes: 9 };
const MANIFEST_URL = new URL("https://site.test/assets/calculator/abc/regions.json");
const KOREA = new TextEncoder().encode('{"format":2,"code":"KR","holidays":{"2026-10-03":"개천절"}}');
const realFetch = globalThis.fetch;

/** The digest as Node's own crypto writes it: SHA-256, its first bytes, base64url. */
function nodeDigest(bytes, length) {
  return createHash("sha256").update(bytes).digest().subarray(0, length).toString("base64url");
}

/** A manifest listing `KR.json` with `digest`. */
function manifest(digest) {
  return { version: "v1", base: "../../regions/v1/", digest: FORM, files: { "KR.json": digest } };
}

/** Make every fetch answer with `body` and `status`, recording the addresses asked for. */
function serve(body, status = 200) {
  const asked = [];
  globalThis.fetch = async (url) => {
    asked.push(String(url));
    return new Response(body, { status });
  };
  return asked;
}

afterEach(() => {
  globalThis.fetch = realFetch;
});

test("a digest is SHA-256 cut to the manifest's length, in base64url", async () => {
  for (const length of [9, 12, 32]) {
    const bytes = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37) % 256));
    assert.equal(await digestOf(bytes, { ...FORM, bytes: length }), nodeDigest(bytes, length));
  }
  assert.equal((await digestOf(KOREA, FORM))?.length, 12);
});

test("a file whose bytes match its digest arrives as text, from the manifest's folder", async () => {
  const asked = serve(KOREA);
  const text = await fetchRegionFile(manifest(nodeDigest(KOREA, 9)), MANIFEST_URL, "KR.json", "the holidays for KR");
  assert.equal(text, new TextDecoder().decode(KOREA));
  assert.deepEqual(asked, ["https://site.test/assets/regions/v1/KR.json"]);
});

test("a file whose bytes differ from its digest is refused", async () => {
  const damaged = KOREA.slice();
  damaged[damaged.length - 3] ^= 1;
  serve(damaged);
  await assert.rejects(
    fetchRegionFile(manifest(nodeDigest(KOREA, 9)), MANIFEST_URL, "KR.json", "the holidays for KR"),
    /the holidays for KR did not match its hash/,
  );
});

test("an error status and a file the manifest does not list are said plainly", async () => {
  serve("Not found", 404);
  await assert.rejects(
    fetchRegionFile(manifest(nodeDigest(KOREA, 9)), MANIFEST_URL, "KR.json", "the holidays for KR"),
    { message: "the holidays for KR did not load (HTTP 404)" },
  );
  await assert.rejects(
    fetchRegionFile(manifest(nodeDigest(KOREA, 9)), MANIFEST_URL, "XX.json", "the holidays for XX"),
    { message: "the holidays for XX is not in this site's list of regions" },
  );
});

test("a connection that fails is said to be one", async () => {
  globalThis.fetch = async () => {
    throw new TypeError("Failed to fetch");
  };
  await assert.rejects(
    fetchRegionFile(manifest(nodeDigest(KOREA, 9)), MANIFEST_URL, "KR.json", "the holidays for KR"),
    /the holidays for KR could not be fetched whole \(TypeError: Failed to fetch\)/,
  );
});
