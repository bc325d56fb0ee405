// @ts-check
/**
 * A component's parts: each element a module works on carries `data-sd-part` with its name.
 */

/**
 * A part of a component.
 * @param {ParentNode} root
 * @param {string} name
 */
export function part(root, name) {
  return /** @type {HTMLElement} */ (root.querySelector(`[data-sd-part="${name}"]`));
}
