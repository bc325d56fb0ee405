// @ts-check
/**
 * What the reader takes away from an answer besides the calendar files: the page's address
 * copied, and a printout with "Why this date" open.
 */

import { part } from "./view.js";

/** The site root (this module lives in assets/javascripts/calculator/). */
const SITE_ROOT = new URL("../../../", import.meta.url);

/**
 * The calculator page's address asking the question now in this page's address: the one
 * link to share, whichever page holds the widget (`data-page`, from the build).
 * @param {HTMLElement} root the widget
 * @param {string} href this page's address
 */
export function shareAddress(root, href) {
  const page = new URL(root.dataset.page ?? "", SITE_ROOT);
  page.search = new URL(href).search;
  return page.href;
}

/**
 * Wire Copy link and Print.
 * @param {HTMLElement} root the widget
 * @returns {() => void} removes the window listeners
 */
export function mountTakeAway(root) {
  part(root, "copy-link").addEventListener("click", async () => {
    const status = part(root, "copy-status");
    const address = shareAddress(root, window.location.href);
    try {
      await navigator.clipboard.writeText(address);
      status.textContent = status.dataset.copied ?? "";
    } catch {
      status.textContent = `${status.dataset.copyBy ?? ""} ${address}`;
    }
  });
  part(root, "print").addEventListener("click", () => window.print());
  // Browsers without ::details-content print a closed <details> closed: open it for print.
  const why = /** @type {HTMLDetailsElement} */ (part(root, "why"));
  let openedForPrint = false;
  const before = () => {
    openedForPrint = !why.open;
    if (openedForPrint) why.open = true;
  };
  const after = () => {
    if (openedForPrint) why.open = false;
  };
  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
  return () => {
    window.removeEventListener("beforeprint", before);
    window.removeEventListener("afterprint", after);
  };
}
