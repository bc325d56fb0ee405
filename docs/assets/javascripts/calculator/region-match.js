// @ts-check
/**
 * From what a reader types to the regions to offer: the region picker's matcher.
 *
 * The rules are calculator/_match.py's (`fold`, `code_key`, `name_key`, `RegionMatcher`
 * `options` and the exact match before it), written again here so the picker answers at
 * once, before Python has started; tests/unit/test_region_match_js.py runs both over every
 * name, alias and code of the index and holds them to the same answers. Only its near
 * spellings (difflib) are Python's alone: the answer's message suggests those.
 *
 * @typedef {{code: string, name: string, aliases: string[]}} Entry a region as the matcher
 *   sees it: its code, the name shown (`Quebec, Canada`), every other way to write it
 */

/** Longer text is no region's name or code (`_LONGEST`). */
const LONGEST = 80;
const CODE_SEPARATORS = /[\s_/.-]+/gu;
const NOT_A_WORD = /[^\p{L}\p{N}]+/gu;
const CODE_ALIAS = /^[A-Z]{2,3}$/;

/**
 * `text` without accents or case: `Québec` and `QUEBEC` are both `quebec`.
 * @param {string} text
 */
export function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("ß", "ss");
}

/**
 * A code as compared: capitals, one dash between parts (`au_nsw` -> `AU-NSW`), called with
 * text already trimmed.
 * @param {string} text
 */
export function codeKey(text) {
  return fold(text).toUpperCase().replace(CODE_SEPARATORS, "-"); // separators around it stay: `../KR` is no code
}

/**
 * A name as compared: folded, words separated by one space (`Quebec, Canada` -> `quebec canada`).
 * @param {string} text
 */
export function nameKey(text) {
  return fold(text).replace(NOT_A_WORD, " ").trim();
}

/**
 * The length Python gives a string: its code points.
 * @param {string} text
 */
const length = (text) => [...text].length;

/**
 * Python's order of `(rank, subdivision, length, code)` tuples.
 * @param {[number, boolean, number, string]} a
 * @param {[number, boolean, number, string]} b
 */
function byRank(a, b) {
  for (let i = 0; i < 4; i += 1) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

export class RegionMatcher {
  /** @param {Entry[]} entries */
  constructor(entries) {
    /** @type {Map<string, string>} */
    this.codes = new Map(entries.map((entry) => [codeKey(entry.code), entry.code]));
    /** @type {Map<string, string>} */
    this.shown = new Map(entries.map((entry) => [entry.code, entry.name]));
    /** @type {Map<string, string[]>} */
    this.names = new Map();
    /** @type {Map<string, string[]>} */
    this.subdivisions = new Map();
    /** @type {Map<string, string>} */
    this.countryAliases = new Map();
    for (const entry of entries) {
      const [country, ...rest] = entry.code.split("-");
      const subdivision = rest.join("-");
      if (subdivision) this.listed(this.subdivisions, codeKey(subdivision), entry.code);
      for (const name of [entry.name, ...entry.aliases]) {
        this.listed(this.names, nameKey(name), entry.code);
        if (!subdivision && CODE_ALIAS.test(name)) this.countryAliases.set(name, country);
      }
    }
  }

  /**
   * @param {Map<string, string[]>} map
   * @param {string} key
   * @param {string} code
   */
  listed(map, key, code) {
    const codes = map.get(key) ?? [];
    if (!codes.includes(code)) codes.push(code);
    map.set(key, codes);
  }

  /**
   * The regions `typed` names exactly: one, several (`SP`), or none (`_found`).
   * @param {string} typed
   * @returns {string[]}
   */
  found(typed) {
    const key = codeKey(typed);
    const [country, ...parts] = key.split("-");
    const rest = parts.join("-");
    const exact = this.codes.get(key);
    if (exact) return [exact];
    const alias = this.countryAliases.get(country);
    if (alias) {
      const aliased = this.codes.get([alias, rest].filter(Boolean).join("-"));
      if (aliased) return [aliased];
    }
    const named = this.names.get(nameKey(typed));
    const found = [...(named?.length ? named : this.subdivisions.get(key) ?? [])];
    const countries = found.filter((code) => !code.includes("-"));
    return countries.length === 1 ? countries : found;
  }

  /**
   * The one region `typed` names, or "" (none, or several).
   * @param {string} typed
   */
  exact(typed) {
    const text = typed.trim();
    const found = text && length(text) <= LONGEST ? this.found(text) : [];
    return found.length === 1 ? found[0] : "";
  }

  /**
   * The name shown for a code (`Quebec, Canada`), or "".
   * @param {string} code
   */
  nameOf(code) {
    return this.shown.get(code) ?? "";
  }

  /**
   * Up to `count` codes to offer a reader typing `typed`, best first: the region it names
   * exactly, then those whose code, name or other name starts with it, then those with a
   * word that starts with it; countries before subdivisions, shorter names first.
   * @param {string} typed
   * @param {number} [count]
   * @returns {string[]}
   */
  options(typed, count = 8) {
    const text = typed.trim();
    if (!text || length(text) > LONGEST) return [];
    const key = codeKey(text);
    const name = nameKey(text);
    /** @type {[number, boolean, number, string][]} */
    const ranked = [];
    if (name) {
      for (const [known, codes] of this.names) {
        const rank = known.startsWith(name) ? 0 : ` ${known}`.includes(` ${name}`) ? 1 : -1;
        if (rank >= 0) for (const code of codes) ranked.push([rank, code.includes("-"), length(known), code]);
      }
    }
    for (const [foundKey, code] of this.codes) {
      if (key && foundKey.startsWith(key)) ranked.push([0, code.includes("-"), length(code), code]);
    }
    ranked.sort(byRank);
    return [...new Set([...this.found(text), ...ranked.map((rank) => rank[3])])].slice(0, count);
  }
}
