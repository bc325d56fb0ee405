// Unit tests for the worker's region data: which files are fetched for a request, in what
// order, and what Python is handed. Python is played by a small model of
// `calculator.region_files_needed`; the real one is tested in tests/unit/test_regions.py.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { afterEach, test } from "node:test";

import { RegionFiles } from "../../docs/assets/javascripts/calculator/worker-regions.js";

const MANIFEST_URL = new URL("https://site.test/assets/calculator/abc/regions.json");
const FILES = {
  "index.json": JSON.stringify({ regions: [["KR", "South Korea", "Asia/Seoul", ["Korea"]]], suggest: {} }),
  "KR.json": JSON.stringify({ code: "KR", name: "South Korea", tz: "Asia/Seoul" }),
  "DE.json": JSON.stringify({ code: "DE", name: "Germany", tz: "Europe/Berlin" }),
};
const realFetch = globalThis.fetch;
/** Each file's fetch priority, as last served. */
let priorities = {};

/** Serve the manifest and FILES (but `missing`), recording each file name asked for and its priority. */
function serve(missing = "") {
  const digest = (/** @type {string} */ text) =>
    createHash("sha256").update(text).digest().subarray(0, 9).toString("base64url");
  const files = Object.fromEntries(Object.entries(FILES).map(([name, text]) => [name, digest(text)]));
  const manifest = { version: "v1", base: "../../regions/v1/", digest: { algorithm: "SHA-256", bytes: 9 }, files };
  const asked = [];
  priorities = {};
  globalThis.fetch = async (url, init) => {
    const name = String(url).split("/").pop();
    if (name === "regions.json") return Response.json(manifest);
    asked.push(name);
    priorities[name] = init?.priority;
    return name === missing ? new Response("", { status: 404 }) : new Response(FILES[name]);
  };
  return asked;
}

/** Python's side, as far as region data goes: a region typed by name needs the index first. */
function python() {
  const handed = [];
  let codes = [];
  let indexed = false;
  const have = new Set();
  return {
    handed,
    use_region_codes: (/** @type {string} */ text) => {
      codes = text.split(" ");
    },
    use_region_index: () => {
      indexed = true;
      handed.push("index.json");
    },
    add_region: (/** @type {string} */ text) => {
      const { code } = JSON.parse(text);
      have.add(code);
      handed.push(`${code}.json`);
      return code;
    },
    region_files_needed: (/** @type {string} */ request) => {
      const needed = JSON.parse(request).regions.flatMap((/** @type {string} */ region) => {
        if (!codes.includes(region) && !indexed) return ["index.json"];
        const code = codes.includes(region) ? region : "KR"; // the index knows Korea's names
        return have.has(code) ? [] : [`${code}.json`];
      });
      return [...new Set(needed)].join(" ");
    },
  };
}

afterEach(() => {
  globalThis.fetch = realFetch;
});

test("Python learns the manifest's region codes, and nothing is fetched for it", async () => {
  const asked = serve();
  const calculator = python();
  let codes = "";
  calculator.use_region_codes = (text) => (codes = text);
  await new RegionFiles(MANIFEST_URL).install(calculator);
  assert.deepEqual(codes.split(" ").sort(), ["DE", "KR"]);
  assert.deepEqual(asked, []);
});

test("a region named by its code needs its own file and never the index", async () => {
  const asked = serve();
  const calculator = python();
  const regions = new RegionFiles(MANIFEST_URL);
  await regions.install(calculator);
  await regions.prepare(calculator, JSON.stringify({ regions: ["KR", "DE"] }));
  assert.deepEqual(calculator.handed, ["KR.json", "DE.json"]);
  assert.deepEqual(asked, ["KR.json", "DE.json"]);
  await regions.prepare(calculator, JSON.stringify({ regions: ["KR"] }));
  assert.deepEqual(asked, ["KR.json", "DE.json"], "a file handed over is not fetched again");
});

test("a region typed by name needs the index first, then its own file", async () => {
  const asked = serve();
  const calculator = python();
  const regions = new RegionFiles(MANIFEST_URL);
  await regions.install(calculator);
  await regions.prepare(calculator, JSON.stringify({ regions: ["south korea"] }));
  assert.deepEqual(calculator.handed, ["index.json", "KR.json"]);
  assert.deepEqual(asked, ["index.json", "KR.json"]);
});

test("an index that does not load is named as the list of regions", async () => {
  serve("index.json");
  const calculator = python();
  const regions = new RegionFiles(MANIFEST_URL);
  await regions.install(calculator);
  await assert.rejects(
    regions.prepare(calculator, JSON.stringify({ regions: ["south korea", "DE"] })),
    /the list of regions did not load \(HTTP 404\)/,
  );
  assert.deepEqual(calculator.handed, ["DE.json"], "what did arrive is handed over all the same");
});

test("the regions of one question are fetched ahead as usual, a list's at low priority", async () => {
  const asked = serve();
  const regions = new RegionFiles(MANIFEST_URL);
  await regions.guess(["KR"]);
  await regions.file("KR.json");
  await regions.guess(["de", "KR", "../index", "XX"]); // a code in any case; odd text and unknown codes: nothing
  await regions.file("DE.json");
  assert.deepEqual(asked, ["KR.json", "DE.json"]);
  assert.deepEqual(priorities, { "KR.json": "auto", "DE.json": "low" });
});
