// @ts-check
/**
 * The region picker: the region field as a WAI-ARIA combobox with a listbox popup.
 *
 * As the reader types, the options come from `find` (Python's matcher, through the worker:
 * the same one the command line's --region uses), so whatever the list offers, the answer
 * understands. The field keeps whatever the reader typed; choosing an option puts its code
 * in the field and tells the form (a `change` event). Keys: see picker-state.js. Everything
 * shown is set with `textContent`. Works with a keyboard, a pointer and a screen reader
 * (the reached option is the field's `aria-activedescendant`; a status line counts them).
 *
 * @typedef {import("./picker-state.js").Option} Option
 * @typedef {import("./picker-state.js").PickerState} PickerState
 */

import { CLOSED, announcement, listing, pressed } from "./picker-state.js";

/** How long typing may pause before the options are asked for. */
const TYPING_PAUSE_MS = 60;

/**
 * @param {string} tag
 * @param {Record<string, string>} attributes
 */
function element(tag, attributes) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    made.setAttribute(name, value);
  }
  return made;
}

/**
 * The listbox and the status line, added after the field.
 * @param {HTMLInputElement} input
 */
function parts(input) {
  const id = input.id || "cc-region";
  const listbox = element("ul", {
    id: `${id}-options`,
    role: "listbox",
    class: "call-calculator__options",
    "data-sd-region-options": "",
  });
  if (input.labels?.[0]?.id) listbox.setAttribute("aria-labelledby", input.labels[0].id);
  else listbox.setAttribute("aria-label", "Places");
  listbox.hidden = true;
  const status = element("p", { role: "status", class: "call-calculator__visually-hidden", "data-sd-region-status": "" });
  input.after(listbox, status);
  return { id, listbox, status };
}

/** The field's attributes the picker sets, and their values before it did. */
const FIELD_ATTRIBUTES = ["role", "aria-autocomplete", "aria-expanded", "aria-controls", "aria-activedescendant", "list"];

/**
 * Make the region field a combobox.
 * @param {HTMLInputElement} input the region field
 * @param {(text: string) => Promise<Option[]>} find the options for what was typed
 * @returns {() => void} takes away what it added, and gives the field back as it was
 */
export function mountRegionPicker(input, find) {
  const before = FIELD_ATTRIBUTES.map((name) => [name, input.getAttribute(name)]);
  const { id, listbox, status } = parts(input);
  input.removeAttribute("list"); // the browser's own suggestions would cover the list
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listbox.id);
  /** @type {PickerState} */
  let state = CLOSED;
  let asked = 0;
  let timer = 0;

  /** @param {PickerState} next */
  const show = (next) => {
    const changed = next.options !== state.options;
    state = next;
    input.setAttribute("aria-expanded", String(state.open));
    listbox.hidden = !state.open;
    if (changed) {
      listbox.replaceChildren(
        ...state.options.map((option, index) => {
          const item = element("li", { id: `${id}-option-${index}`, role: "option", "data-code": option.code });
          const code = element("span", { class: "call-calculator__option-code" });
          code.textContent = option.code;
          item.append(document.createTextNode(option.name), " ", code);
          return item;
        }),
      );
      status.textContent = announcement(state, input.value);
    }
    [...listbox.children].forEach((item, index) => item.setAttribute("aria-selected", String(index === state.active)));
    const active = state.active >= 0 ? listbox.children[state.active] : null;
    if (active) {
      input.setAttribute("aria-activedescendant", active.id);
      active.scrollIntoView?.({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  /** @param {Option} option */
  const choose = (option) => {
    show(CLOSED);
    input.value = option.code;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };

  const onInput = () => {
    window.clearTimeout(timer);
    const text = input.value;
    const ask = ++asked;
    timer = window.setTimeout(async () => {
      const options = text.trim() ? await find(text).catch(() => []) : [];
      if (ask === asked && input.value === text) show(listing(options)); // not overtaken by typing
    }, TYPING_PAUSE_MS);
  };

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
    const item = /** @type {Element} */ (event.target).closest?.("[data-code]");
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
  return () => {
    window.clearTimeout(timer);
    input.removeEventListener("input", onInput);
    input.removeEventListener("keydown", onKey);
    input.removeEventListener("blur", onBlur);
    listbox.remove();
    status.remove();
    for (const [name, value] of before) {
      if (value === null) input.removeAttribute(/** @type {string} */ (name));
      else input.setAttribute(/** @type {string} */ (name), value);
    }
  };
}
