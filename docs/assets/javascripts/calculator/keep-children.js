// @ts-check
/**
 * Parts of the answer redrawn by keeping what already shows: the weeks and days of the plan
 * at a glance, the steps of "Why this date", the calendar links, lists of sources.
 *
 * After a change most of a new answer is the last answer's (a later reply date moves a few
 * days of the glance, not all of them). What shows the same data keeps its elements, so the
 * browser styles and lays out only what changed: drawing every list again was most of the
 * page's work for an answer (measured by `make bench`, the round trip).
 */

/** @type {WeakMap<Node, {key: string, data: string}>} what each drawn element shows */
const drawn = new WeakMap();

/**
 * @template T
 * @typedef {object} Keeping
 * @property {(item: T) => string} [key] which child may show an item again (default: its data)
 * @property {(element: Element, item: T) => void} [refresh] brings a child kept by its key up
 *   to the item's data (needed when `key` is given)
 */

/**
 * Make `parent`'s children the elements of `items`, in order, keeping each child that already
 * shows an item (by its key; refreshed if its data changed) and making the others with `make`.
 * @template T
 * @param {Element} parent
 * @param {T[]} items
 * @param {(item: T) => Element} make
 * @param {Keeping<T>} [keeping]
 */
export function keepChildren(parent, items, make, { key, refresh } = {}) {
  /** @type {Map<string, Element>} */
  const kept = new Map();
  for (const child of parent.children) {
    const shown = drawn.get(child);
    if (shown && !kept.has(shown.key)) kept.set(shown.key, child);
  }
  const wanted = items.map((item) => {
    const data = JSON.stringify(item);
    const itemKey = key ? key(item) : data;
    let element = kept.get(itemKey);
    kept.delete(itemKey);
    if (element && drawn.get(element)?.data !== data) {
      if (refresh) refresh(element, item);
      else element = undefined;
    }
    element ??= make(item);
    drawn.set(element, { key: itemKey, data });
    return element;
  });
  const keep = new Set(wanted);
  for (const child of [...parent.childNodes]) if (!keep.has(/** @type {Element} */ (child))) child.remove();
  let at = parent.firstElementChild;
  for (const element of wanted) {
    if (element === at) at = at.nextElementSibling;
    else parent.insertBefore(element, at);
  }
}

/**
 * Draw `data` into `element` with `draw`, unless it shows that data already.
 * @param {Element} element
 * @param {unknown} data
 * @param {() => void} draw
 */
export function unlessShown(element, data, draw) {
  const text = JSON.stringify(data);
  if (drawn.get(element)?.data === text) return;
  draw();
  drawn.set(element, { key: text, data: text });
}
