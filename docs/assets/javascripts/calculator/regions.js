// @ts-check
/**
 * The region index as the page reads it (`index.json`, build_tools/_region_data.py): every
 * region's code, own name, time zone and other names, and the region to suggest for each
 * time zone. Pure: region-index.js fetches it.
 *
 * @typedef {{regions: [string, string, string, string[]][], suggest?: Record<string, string>}} RegionIndex
 * @typedef {import("./region-match.js").Entry} Entry
 */

/**
 * Every region as the matcher and the picker see it: the name shown is the calculator's
 * (`HolidayTable`'s `_shown_name`): `Quebec, Canada` for a subdivision, `Canada (national
 * holidays only)` for a country that has subdivisions too; the own name is one more alias.
 * @param {RegionIndex} index
 * @returns {Entry[]}
 */
export function entriesOf(index) {
  const countries = new Map(index.regions.filter(([code]) => !code.includes("-")).map(([code, name]) => [code, name]));
  const divided = new Set(index.regions.filter(([code]) => code.includes("-")).map(([code]) => code.split("-")[0]));
  return index.regions.map(([code, name, , aliases]) => {
    const [country, ...rest] = code.split("-");
    const shown = rest.length
      ? `${name}, ${countries.get(country) ?? country}`
      : divided.has(code)
        ? `${name} (national holidays only)`
        : name;
    return { code, name: shown, aliases: [name, ...aliases] };
  });
}

/**
 * The employer's region to suggest: the one the index names for the reader's time zone,
 * else the country of the reader's language ("en-AU") if the index has it, else none. A
 * reader in Sydney most likely interviews with an employer in New South Wales.
 * @param {RegionIndex} index
 * @param {string} zone the reader's IANA time zone
 * @param {string} language the reader's language tag
 */
export function guessRegion(index, zone, language) {
  const suggest = index.suggest ?? {};
  if (Object.hasOwn(suggest, zone)) return suggest[zone];
  const country = (language.split("-")[1] ?? "").toUpperCase();
  return index.regions.some(([code]) => code === country) ? country : "";
}

/**
 * A region's time zone, as the index gives it ("" for a code it does not have).
 * @param {RegionIndex} index
 * @param {string} code
 */
export function zoneOf(index, code) {
  return index.regions.find(([known]) => known === code)?.[2] ?? "";
}
