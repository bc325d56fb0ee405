// The region picker's matcher and the index's entries (node --test). That it answers as the
// command line's matcher does, for every region, is tests/unit/test_region_match_js.py's.
import assert from "node:assert/strict";
import { test } from "node:test";

import { RegionMatcher, codeKey, fold, nameKey } from "../../docs/assets/javascripts/calculator/region-match.js";
import { entriesOf, guessRegion, zoneOf } from "../../docs/assets/javascripts/calculator/regions.js";

/** @type {import("../../docs/assets/javascripts/calculator/regions.js").RegionIndex} */
const INDEX = {
  regions: [
    ["AU", "Australia", "Australia/Sydney", ["AUS"]],
    ["AU-NSW", "New South Wales", "Australia/Sydney", []],
    ["BR", "Brazil", "America/Sao_Paulo", ["BRA", "Brasil"]],
    ["BR-SP", "São Paulo", "America/Sao_Paulo", []],
    ["CA", "Canada", "America/Toronto", ["CAN"]],
    ["CA-QC", "Quebec", "America/Toronto", ["Québec"]],
    ["GB", "United Kingdom", "Europe/London", ["UK", "GBR"]],
    ["GB-SCT", "Scotland", "Europe/London", []],
    ["GB-WLS", "Wales", "Europe/London", []],
    ["KR", "South Korea", "Asia/Seoul", ["Korea", "KOR", "대한민국"]],
  ],
  suggest: { "Australia/Sydney": "AU-NSW" },
};
const matcher = new RegionMatcher(entriesOf(INDEX));

test("folding takes away accents, case and spacing", () => {
  assert.equal(fold("Québec"), "quebec");
  assert.equal(fold("STRASSE"), fold("Straße"));
  assert.equal(codeKey("au_nsw"), "AU-NSW");
  assert.equal(codeKey("../KR"), "-KR");
  assert.equal(nameKey("Quebec,  Canada"), "quebec canada");
});

test("shown names: a subdivision with its country, a divided country as national", () => {
  const names = Object.fromEntries(entriesOf(INDEX).map((entry) => [entry.code, entry.name]));
  assert.equal(names["CA-QC"], "Quebec, Canada");
  assert.equal(names.CA, "Canada (national holidays only)");
  assert.equal(names.KR, "South Korea");
});

test("names, codes and aliases in any case, with or without accents, name one region", () => {
  for (const [typed, code] of [
    ["Québec", "CA-QC"], ["quebec", "CA-QC"], ["QC", "CA-QC"], ["CA-QC", "CA-QC"], ["ca_qc", "CA-QC"],
    ["Sao Paulo", "BR-SP"], ["south korea", "KR"], ["UK", "GB"], ["UK-SCT", "GB-SCT"], ["대한민국", "KR"],
  ]) {
    assert.equal(matcher.exact(typed), code, typed);
  }
  assert.equal(matcher.nameOf(matcher.exact("uk-sct")), "Scotland, United Kingdom");
});

test("options: the exact one first, then beginnings, then words; countries first", () => {
  assert.deepEqual(matcher.options("que"), ["CA-QC"]);
  assert.equal(matcher.options("wales")[0], "GB-WLS");
  assert.ok(matcher.options("wales").includes("AU-NSW")); // a word of New South Wales
  assert.deepEqual(matcher.options("ca").slice(0, 2), ["CA", "CA-QC"]);
  assert.ok(matcher.options("a", 3).length <= 3);
});

test("odd text offers nothing and names nothing", () => {
  for (const typed of ["", "   ", "../", "../KR", "%2e%2e%2fKR", "..%2F..%2Findex", "x".repeat(500), "<script>"]) {
    assert.deepEqual(matcher.options(typed), []);
    assert.equal(matcher.exact(typed), "");
  }
});

test("the reader's zone suggests a region, else the country of their language", () => {
  assert.equal(guessRegion(INDEX, "Australia/Sydney", "en-GB"), "AU-NSW");
  assert.equal(guessRegion(INDEX, "Asia/Tokyo", "en-GB"), "GB");
  assert.equal(guessRegion(INDEX, "Asia/Tokyo", "ja"), "");
  assert.equal(guessRegion(INDEX, "constructor", "ja"), "");
});

test("a region's zone comes from the index, and none for a code it lacks", () => {
  assert.equal(zoneOf(INDEX, "KR"), "Asia/Seoul");
  assert.equal(zoneOf(INDEX, "GB-SCT"), "Europe/London");
  assert.equal(zoneOf(INDEX, "XX"), "");
  assert.equal(zoneOf(INDEX, ""), "");
});
