// @ts-check
/**
 * The region picker's state, as pure functions: the options shown for what the reader typed,
 * and which one the keyboard has reached. The picker (region-picker.js) follows the WAI-ARIA
 * combobox pattern with a listbox popup and list autocomplete: typing shows options without
 * choosing one; Down and Up move through them (from the field, Down opens the list); Home
 * and End reach the first and the last once one is reached (before that they move the
 * field's cursor); Enter takes the one reached; Escape closes the list and leaves what was
 * typed as it was (a second Escape does not clear it: nothing the reader typed is lost).
 *
 * @typedef {{code: string, name: string}} Option a region: its code and the name shown
 * @typedef {{open: boolean, options: Option[], active: number}} PickerState
 *   whether the list shows, what it lists, and the option reached (-1: none, the field itself)
 * @typedef {{state: PickerState, chosen: Option | null, handled: boolean}} KeyResult
 *   the next state, the option the key chose if any, and whether the key was the picker's
 *   (the page then keeps the browser from also acting on it)
 */

/** @type {PickerState} */
export const CLOSED = Object.freeze({ open: false, options: [], active: -1 });

/**
 * The state once the options for what the reader typed have arrived: listed, none reached.
 * @param {Option[]} options
 * @returns {PickerState}
 */
export function listing(options) {
  return { open: options.length > 0, options, active: -1 };
}

/**
 * The option `step` places away from the one reached, round from the last to the first.
 * @param {PickerState} state
 * @param {number} step 1 for Down, -1 for Up
 * @returns {PickerState}
 */
export function moved(state, step) {
  const count = state.options.length;
  if (count === 0) {
    return state;
  }
  const from = state.active < 0 ? (step > 0 ? -1 : count) : state.active;
  return { ...state, open: true, active: (from + step + count) % count };
}

/**
 * What a key pressed in the field does.
 * @param {PickerState} state
 * @param {string} key `KeyboardEvent.key`
 * @param {boolean} alt whether Alt was held (Alt+Down opens the list without moving)
 * @returns {KeyResult}
 */
export function pressed(state, key, alt = false) {
  /** @type {(next: PickerState, chosen?: Option | null) => KeyResult} */
  const result = (next, chosen = null) => ({ state: next, chosen, handled: true });
  const none = { state, chosen: null, handled: false };
  if (key === "ArrowDown" || key === "Down") {
    if (alt || (!state.open && state.options.length === 0)) {
      return state.options.length ? result({ ...state, open: true }) : none;
    }
    return result(state.open ? moved(state, 1) : { ...moved(state, 1), open: true });
  }
  if (key === "ArrowUp" || key === "Up") {
    return state.options.length ? result(moved(state, -1)) : none;
  }
  if ((key === "Home" || key === "End") && state.open && state.active >= 0) {
    return result({ ...state, active: key === "Home" ? 0 : state.options.length - 1 });
  }
  if (key === "Enter" && state.open && state.active >= 0) {
    return result(CLOSED, state.options[state.active]);
  }
  if ((key === "Escape" || key === "Esc") && state.open) {
    return result({ ...state, open: false, active: -1 });
  }
  return none;
}

/**
 * What the screen reader's status line says of the list.
 * @param {PickerState} state
 * @param {string} typed what the field holds
 */
export function announcement(state, typed) {
  if (!typed.trim()) {
    return "";
  }
  const count = state.options.length;
  if (count === 0) {
    return "No place found yet: keep typing, or use a code like GB or AU-NSW.";
  }
  return `${count} ${count === 1 ? "place" : "places"} found: use the down arrow to choose.`;
}
