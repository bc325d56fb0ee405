// Unit tests for keep-children.js, on a small stand-in for the DOM (only what it uses).
import assert from "node:assert/strict";
import { test } from "node:test";

import { keepChildren } from "../../docs/assets/javascripts/calculator/keep-children.js";

/** An element (or, with `text`, a text node) with the few DOM members keepChildren uses. */
class Node {
  /** @param {string} name @param {boolean} [text] */
  constructor(name, text = false) {
    this.name = name;
    this.text = text;
    /** @type {Node[]} */
    this.childNodes = [];
    /** @type {Node | null} */
    this.parent = null;
  }
  get children() {
    return this.childNodes.filter((node) => !node.text);
  }
  get firstElementChild() {
    return this.children[0] ?? null;
  }
  get nextElementSibling() {
    const siblings = this.parent?.children ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  remove() {
    if (this.parent) this.parent.childNodes.splice(this.parent.childNodes.indexOf(this), 1);
    this.parent = null;
  }
  /** @param {Node} node @param {Node | null} before */
  insertBefore(node, before) {
    node.remove();
    const at = before ? this.childNodes.indexOf(before) : this.childNodes.length;
    this.childNodes.splice(at, 0, node);
    node.parent = this;
  }
}

/** @type {Node[]} every element made, in order */
let made = [];
/** @param {{week: string}} item */
const make = (item) => {
  const element = new Node(item.week);
  made.push(element);
  return element;
};
/** @param {Node} parent @param {string[]} weeks */
const draw = (parent, weeks) => keepChildren(/** @type {any} */ (parent), weeks.map((week) => ({ week })), /** @type {any} */ (make));
const names = (/** @type {Node} */ parent) => parent.childNodes.map((node) => node.name);

test("the first drawing makes every item, after whatever the list held", () => {
  const list = new Node("ol");
  list.insertBefore(new Node(" ", true), null);
  made = [];
  draw(list, ["a", "b", "c"]);
  assert.deepEqual(names(list), ["a", "b", "c"]);
  assert.equal(made.length, 3);
});

test("items with the same data keep their elements; only the new ones are made", () => {
  const list = new Node("ol");
  draw(list, ["a", "b", "c"]);
  const [a, , c] = list.children;
  made = [];
  draw(list, ["a", "x", "c", "d"]);
  assert.deepEqual(names(list), ["a", "x", "c", "d"]);
  assert.deepEqual(made.map((node) => node.name), ["x", "d"]);
  assert.equal(list.children[0], a);
  assert.equal(list.children[2], c);
});

test("kept items follow the new order, and items no longer there go", () => {
  const list = new Node("ol");
  draw(list, ["a", "b", "c", "d"]);
  made = [];
  draw(list, ["d", "b"]);
  assert.deepEqual(names(list), ["d", "b"]);
  assert.equal(made.length, 0);
  draw(list, []);
  assert.deepEqual(names(list), []);
});

test("the same data twice is drawn twice", () => {
  const list = new Node("ol");
  draw(list, ["a", "a"]);
  draw(list, ["a", "a", "a"]);
  assert.deepEqual(names(list), ["a", "a", "a"]);
  assert.equal(new Set(list.children).size, 3);
});

test("with a key, a kept child whose data changed is refreshed, not made again", () => {
  const list = new Node("ol");
  /** @type {string[]} */
  const refreshed = [];
  const keeping = {
    key: (/** @type {{week: string, days: number}} */ item) => item.week,
    refresh: (/** @type {any} */ element, /** @type {{week: string, days: number}} */ item) => refreshed.push(`${element.name}:${item.days}`),
  };
  const drawWeeks = (/** @type {Array<[string, number]>} */ weeks) =>
    keepChildren(/** @type {any} */ (list), weeks.map(([week, days]) => ({ week, days })), /** @type {any} */ (make), keeping);
  drawWeeks([["a", 1], ["b", 1]]);
  const [a, b] = list.children;
  made = [];
  drawWeeks([["a", 1], ["b", 2], ["c", 1]]);
  assert.deepEqual(refreshed, ["b:2"]); // a is the same: left alone
  assert.deepEqual(made.map((node) => node.name), ["c"]);
  assert.deepEqual(list.children.slice(0, 2), [a, b]);
});

test("without a way to refresh, a child whose data changed is made again", () => {
  const list = new Node("ol");
  const keyed = { key: (/** @type {{week: string, days: number}} */ item) => item.week };
  keepChildren(/** @type {any} */ (list), [{ week: "a", days: 1 }], /** @type {any} */ (make), keyed);
  const [first] = list.children;
  keepChildren(/** @type {any} */ (list), [{ week: "a", days: 2 }], /** @type {any} */ (make), keyed);
  assert.notEqual(list.children[0], first);
  assert.equal(list.children.length, 1);
});
