// @ts-check
/**
 * Copy buttons for the words to say: each copies the text of its scope's
 * `data-sd-copy-source`, and says so in the scope's status.
 */

/**
 * @param {HTMLElement} root the widget
 */
export function mountCopy(root) {
  root.addEventListener("click", async (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('[data-sd-action="copy"]');
    const scope = button?.closest("[data-sd-copy-scope]");
    const source = /** @type {HTMLElement | null | undefined} */ (scope?.querySelector("[data-sd-copy-source]"));
    const status = scope?.querySelector('[data-sd-part="copied"]');
    if (!source || !status) return;
    try {
      await navigator.clipboard.writeText(source.innerText.trim());
      status.textContent = "Copied.";
    } catch {
      status.textContent = "Select the text above and copy it.";
    }
  });
}
