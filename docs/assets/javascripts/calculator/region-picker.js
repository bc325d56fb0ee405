// @ts-check
/**
 * The region picker: the region field as a WAI-ARIA combobox with a listbox popup (the APG
 * pattern, list autocomplete).
 *
 * As the reader types, the options come from `find` (region-match.js over the region index:
 * the command line's rules), so what the list offers, the answer understands. The field
 * keeps whatever the reader typed; choosing an option puts its code in the field and tells
 * the form (a `change` event). Keys: see picker-state.js. Everything shown is set with
 * `textContent`. Works with a keyboard, a pointer and a screen reader (the reached option is
 * the field's `aria-activedescendant`; a status line counts the options). Without the
 * picker (no JavaScript, or no index) the field is a plain text field that takes the same.
 *
 * @typedef {import("./picker-state.js").Option} Option
 * @typedef {import("./picker-state.js").PickerState} PickerState
 */

import { CLOSED, announcement, listing, pressed } from "./picker-state.js";

/**
 * @param {string} tag
 * @param {Record<string, string>} attributes
 */
function element(tag, attributes) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  return made;
}

/**
 * The listbox and the status line, added after the field.
 * @param {HTMLInputElement} input
 */
function parts(input) {
  const id = input.id || "cc-region";
  // Named apart from the field, whose label names only the field.
  const listbox = element("ul", {
    id: `${id}-options`,
    role: "listbox",
    class: "call-calculator__options",
    "aria-label": "Places found",
  });
  listbox.hidden = true;
  const status = element("p", { role: "status", class: "call-calculator__visually-hidden" });
  input.after(listbox, status);
  return { id, listbox, status };
}

/**
 * The option elements of a list.
 * @param {string} id the field's id
 * @param {Option[]} options
 */
function optionItems(id, options) {
  return options.map((option, index) => {
    const item = element("li", { id: `${id}-option-${index}`, role: "option", "data-sd-code": option.code });
    const code = element("span", { class: "call-calculator__option-code" });
    code.textContent = option.code;
    item.append(document.createTextNode(option.name), " ", code);
    return item;
  });
}

/**
 * Show state `next` (after `previous`): the list, the option reached, the count read out.
 * @param {HTMLInputElement} input
 * @param {{id: string, listbox: HTMLElement, status: HTMLElement}} parts
 * @param {PickerState} previous
 * @param {PickerState} next
 */
function paint(input, { id, listbox, status }, previous, next) {
  if (next.options !== previous.options) {
    listbox.replaceChildren(...optionItems(id, next.options));
    status.textContent = announcement(next, input.value);
  }
  input.setAttribute("aria-expanded", String(next.open));
  listbox.hidden = !next.open;
  [...listbox.children].forEach((item, index) => item.setAttribute("aria-selected", String(index === next.active)));
  const active = next.active >= 0 ? listbox.children[next.active] : null;
  if (active) {
    input.setAttribute("aria-activedescendant", active.id);
    active.scrollIntoView?.({ block: "nearest" });
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

/** The field's attributes the picker sets. */
const FIELD_ATTRIBUTES = ["role", "aria-autocomplete", "aria-expanded", "aria-controls", "aria-activedescendant"];

/**
 * Make the region field a combobox.
 * @param {HTMLInputElement} input the region field
 * @param {(text: string) => Option[]} find the options for what was typed
 * @param {boolean} [typed] the reader has typed in the field before the picker came: while
 *   the field has the focus, its options show at once
 * @returns {() => void} takes away what it added, and gives the field back as it was
 */
export function mountRegionPicker(input, find, typed = false) {
  const before = FIELD_ATTRIBUTES.map((name) => /** @type {const} */ ([name, input.getAttribute(name)]));
  const { id, listbox, status } = parts(input);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listbox.id);
  /** @type {PickerState} */
  let state = CLOSED;
  /** @param {PickerState} next */
  const show = (next) => {
    paint(input, { id, listbox, status }, state, next);
    state = next;
  };

  /** @param {Option} option */
  const choose = (option) => {
    show(CLOSED);
    input.value = option.code;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };

  const onInput = () => show(listing(input.value.trim() ? find(input.value) : []));

  /** @param {KeyboardEvent} event */
  const onKey = (event) => {
    const { state: next, chosen, handled } = pressed(state, event.key, event.altKey);
    if (!handled) return;
    event.preventDefault();
    if (chosen) choose(chosen);
    else show(next);
  };

  /** @param {MouseEvent} event */
  const onPointer = (event) => {
    const item = /** @type {Element} */ (event.target).closest?.("[data-sd-code]");
    const option = state.options[[...listbox.children].indexOf(/** @type {Element} */ (item))];
    if (option) {
      event.preventDefault(); // the field keeps its focus
      choose(option);
    }
  };

  const onBlur = () => show({ ...state, open: false, active: -1 });

  input.addEventListener("input", onInput);
  input.addEventListener("keydown", onKey);
  input.addEventListener("blur", onBlur);
  listbox.addEventListener("mousedown", onPointer);
  show(CLOSED);
  if (typed && input.matches(":focus") && input.value.trim()) onInput(); // typed before the index came
  return () => {
    input.removeEventListener("input", onInput);
    input.removeEventListener("keydown", onKey);
    input.removeEventListener("blur", onBlur);
    listbox.remove();
    status.remove();
    for (const [name, value] of before) value === null ? input.removeAttribute(name) : input.setAttribute(name, value);
  };
}
