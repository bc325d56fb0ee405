// For tests/unit/test_region_match_js.py: reads {"index": path, "queries": [...]} as JSON on
// stdin and writes, for each query, the picker's options and its exact match, and every
// region's shown name, as JSON on stdout.
import { readFileSync } from "node:fs";

import { RegionMatcher } from "../../docs/assets/javascripts/calculator/region-match.js";
import { entriesOf } from "../../docs/assets/javascripts/calculator/regions.js";

const { index, queries } = JSON.parse(readFileSync(0, "utf8"));
const entries = entriesOf(JSON.parse(readFileSync(index, "utf8")));
const matcher = new RegionMatcher(entries);
const answers = queries.map((/** @type {string} */ typed) => [matcher.options(typed), matcher.exact(typed)]);
process.stdout.write(JSON.stringify({ names: entries.map((entry) => [entry.code, entry.name]), answers }));
