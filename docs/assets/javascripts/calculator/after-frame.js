// @ts-check
/**
 * Work the reader does not see at once, put off until the answer is drawn.
 *
 * Some steps of showing an answer cost the page milliseconds for nothing on the screen: a new
 * address in the address bar (`history.replaceState`), a new `blob:` address for the calendar
 * file (made by the browser's own process, which answers slowly when busy). Measured by
 * `make bench` (the round trip), each delayed the answer by as much; done after the frame
 * that draws it, they delay nothing the reader waits for.
 */

/** How long the work waits for a frame that does not come (a hidden tab draws none). */
const NO_FRAME_MS = 100;

/**
 * Run `callback` once the next frame is drawn, or after `NO_FRAME_MS` if none is.
 * @param {() => void} callback
 */
export function afterNextFrame(callback) {
  let done = false;
  const run = () => {
    if (!done) callback();
    done = true;
  };
  window.requestAnimationFrame(() => window.setTimeout(run, 0));
  window.setTimeout(run, NO_FRAME_MS);
}
