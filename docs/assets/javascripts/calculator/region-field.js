// @ts-check
/**
 * The region field: its picker, the name of the region typed beside it, and the region the
 * reader's time zone suggests.
 *
 * All three need the region index (index.json, 18 KB gzipped), which a question in the
 * address does not: its region comes as a code, and Python's answer names it. So a page
 * that opens with a question fetches the index only when the reader comes to the field
 * (the picker is ready a moment later; meanwhile the field takes text as it is), and the
 * name beside the field is the answer's until then. A page that opens without a question
 * fetches it at once, to put the suggestion in the field. Without the index the field
 * stays a plain text field.
 *
 * @typedef {import("./protocol.js").Plan} Plan
 */

import { readerZone } from "./clock.js";
import { control } from "./form.js";
import { part } from "./parts.js";
import { RegionMatcher } from "./region-match.js";
import { regionIndex } from "./region-index.js";
import { mountRegionPicker } from "./region-picker.js";
import { entriesOf, guessRegion, zoneOf } from "./regions.js";

/**
 * Say which region a plan is for beside the field, and which clocks it needs: offline.js
 * has the service worker keep their zone files (`data-zones`).
 * @param {HTMLElement} root the widget
 * @param {string} name the region's name, as shown
 * @param {string} zone its time zone ("" when unknown)
 */
function showRegion(root, name, zone) {
  part(root, "region-name").textContent = name;
  root.dataset.zones = [zone, readerZone()].filter(Boolean).join(" ");
}

/**
 * @typedef {{answered: (plan: Plan) => void, unmount: () => void}} RegionField
 *   `answered` takes each plan shown, to name its region until the index has come
 */

/**
 * Wire the region field of `root`.
 * @param {HTMLElement} root the widget
 * @param {URL} lock the site's lock file, beside which the region data's manifest lies
 * @param {{asked: boolean, named: boolean}} address whether the address asks a question,
 *   and whether it names the region
 * @param {() => void} suggested called when the field is filled with the suggestion
 * @returns {RegionField}
 */
export function mountRegionField(root, lock, address, suggested) {
  const input = control(root, "region");
  let unmount = () => {};
  let gone = false;
  let loading = false;
  let indexed = false;
  let typed = false;
  const onInput = () => {
    typed = true;
  };
  input.addEventListener("input", onInput);
  const load = () => {
    if (loading || gone) return;
    loading = true;
    input.removeEventListener("focus", load);
    regionIndex(lock)
      .then((index) => {
        if (gone) return;
        input.removeEventListener("input", onInput);
        unmount = withIndex(root, index, { named: address.named, typed }, suggested);
        indexed = true;
      })
      .catch(() => {}); // no picker: the plain field still takes a name or a code
  };
  // Without a question, or with the reader in the field already (it can be reached before
  // this script runs): now; else when the reader comes to it.
  if (!address.asked || document.activeElement === input) load();
  else input.addEventListener("focus", load);
  return {
    answered(plan) {
      if (!indexed) showRegion(root, plan.region.name, plan.region.tz);
    },
    unmount() {
      gone = true;
      input.removeEventListener("focus", load);
      input.removeEventListener("input", onInput);
      unmount();
    },
  };
}

/**
 * Once the index has come: the picker, the name beside the field on each change, and the
 * suggestion if the field is still empty, the address does not name the region and the
 * reader is not typing there.
 * @param {HTMLElement} root
 * @param {import("./regions.js").RegionIndex} index
 * @param {{named: boolean, typed: boolean}} field whether the address names the region, and
 *   whether the reader has typed in the field already
 * @param {() => void} suggested
 * @returns {() => void} unmounts
 */
function withIndex(root, index, { named, typed }, suggested) {
  const input = control(root, "region");
  const matcher = new RegionMatcher(entriesOf(index));
  const showName = () => {
    const code = matcher.exact(input.value);
    showRegion(root, matcher.nameOf(code), zoneOf(index, code ?? ""));
  };
  const find = (/** @type {string} */ text) => matcher.options(text).map((code) => ({ code, name: matcher.nameOf(code) }));
  const stopPicker = mountRegionPicker(input, find, typed);
  input.addEventListener("change", showName);
  if (!input.value && !named && document.activeElement !== input) {
    input.value = guessRegion(index, readerZone(), navigator.language);
    if (input.value) suggested();
  }
  showName();
  return () => {
    stopPicker();
    input.removeEventListener("change", showName);
  };
}
