// @ts-check
/**
 * Where My interviews are kept: localStorage, on this device only, one entry per interview
 * (`second-date:<site path>:interview:<id>`). One entry each, not one list, keeps two tabs
 * from undoing each other: saving writes its own entry, deleting removes its own; the
 * `storage` event tells the other tabs. The site's path keeps its interviews apart from the
 * other project sites of the same origin.
 *
 * @typedef {import("./interview-record.js").Interview} Interview
 */

import { readInterview } from "./interview-record.js";

/** Said when the browser keeps nothing for the site (private browsing, site data turned off). */
export const UNAVAILABLE =
  "This browser is not letting the site keep anything on this device (private browsing, or site data turned off), so nothing can be saved here. The calculator still works.";
/** Said when the site's share of the device's storage is full. */
export const FULL =
  "This browser’s storage for the site is full, so nothing was saved. Delete interviews you no longer need from My interviews, then try again.";

/** The site's path, from this module's own address (it sits three folders below the root). */
const SITE_PATH = new URL("../../../", import.meta.url).pathname;

/** A storage failure, with what to tell the reader. */
export class StoreError extends Error {}

/**
 * What to tell the reader about a storage failure.
 * @param {unknown} error
 */
function readerMessage(error) {
  const name = error instanceof Error ? error.name : "";
  return /quota/i.test(name) || name === "NS_ERROR_DOM_QUOTA_REACHED" ? FULL : UNAVAILABLE;
}

export class Store {
  /**
   * @param {Storage} storage
   * @param {string} prefix every key of this store starts with it
   */
  constructor(storage, prefix) {
    this.storage = storage;
    this.prefix = prefix;
  }

  /** @param {string} id */
  key(id) {
    return `${this.prefix}${id}`;
  }

  /** This store's keys, as they are now. */
  keys() {
    const keys = [];
    for (let index = 0; index < this.storage.length; index++) {
      const key = this.storage.key(index);
      if (key?.startsWith(this.prefix)) keys.push(key);
    }
    return keys;
  }

  /**
   * Every interview kept. An entry that cannot be read is left alone, never deleted.
   * @returns {Interview[]}
   */
  all() {
    const interviews = [];
    for (const key of this.keys()) {
      try {
        const interview = readInterview(JSON.parse(this.storage.getItem(key) ?? ""));
        if (interview && this.key(interview.id) === key) interviews.push(interview);
      } catch {
        // not ours to judge: another version of the page may read it
      }
    }
    return interviews;
  }

  /**
   * Keep interviews (new ones, or new copies of kept ones), all or none: when one cannot be
   * written, those written before it are put back as they were.
   * @param {Interview[]} interviews
   * @throws {StoreError} with what to tell the reader
   */
  put(interviews) {
    /** @type {[string, string | null][]} */
    const before = [];
    try {
      for (const interview of interviews) {
        const key = this.key(interview.id);
        before.push([key, this.storage.getItem(key)]);
        this.storage.setItem(key, JSON.stringify(interview));
      }
    } catch (error) {
      for (const [key, value] of before.reverse()) {
        if (value === null) this.storage.removeItem(key);
        else this.storage.setItem(key, value);
      }
      throw new StoreError(readerMessage(error));
    }
  }

  /**
   * Forget interviews by id (ids not kept are no matter).
   * @param {string[]} ids
   */
  remove(ids) {
    for (const id of ids) this.storage.removeItem(this.key(id));
  }

  /** Forget every interview of this site. */
  clear() {
    for (const key of this.keys()) this.storage.removeItem(key);
  }

  /**
   * Be told when another tab changes the interviews.
   * @param {() => void} changed
   * @returns {() => void} stops telling
   */
  watch(changed) {
    /** @param {StorageEvent} event */
    const listener = (event) => {
      if (event.storageArea === this.storage && (event.key === null || event.key.startsWith(this.prefix))) changed();
    };
    window.addEventListener("storage", listener);
    return () => window.removeEventListener("storage", listener);
  }
}

/**
 * The site's store, or what to tell the reader when the browser keeps nothing.
 * @returns {{ok: true, store: Store} | {ok: false, message: string}}
 */
export function openStore() {
  try {
    const storage = window.localStorage;
    if (!storage) return { ok: false, message: UNAVAILABLE };
    return { ok: true, store: new Store(storage, `second-date:${SITE_PATH}:interview:`) };
  } catch (error) {
    return { ok: false, message: readerMessage(error) };
  }
}

/** A new id for an interview: 128 random bits, so two tabs never pick the same one. */
export function newId() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
