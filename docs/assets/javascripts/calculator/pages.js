// @ts-check
/**
 * Material's pages: `document$` emits on the first load and after every instant navigation,
 * and replays its latest page to a late subscriber. Without Material (a page of its own,
 * a test page), the callback runs once.
 */

/**
 * Call `onPage` for this page and every page instant navigation brings.
 * @param {() => void} onPage
 */
export function onEveryPage(onPage) {
  const material = /** @type {any} */ (window).document$;
  if (material && typeof material.subscribe === "function") {
    material.subscribe(onPage);
  } else {
    onPage();
  }
}
