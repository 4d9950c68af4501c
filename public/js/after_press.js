// Runs page changes that move things (an error line appearing under a field the citizen
// just left) only once no finger or mouse button is down and the tap under way is finished.
//
// Why: on a phone the focus leaves a field at the tap's synthetic mousedown, and the browser
// hit-tests the mouseup again after it. An error line inserted on blur pushes the submit
// button down between the two, the click goes to their common ancestor, and the first tap
// on "Kirim laporan" does nothing. Reserving room for every field's error would make the form
// far longer on a 360 px screen, so the blur's display waits instead; submitting validates
// everything anyway, so nothing is lost by waiting.
let pressed = false;
let waiting = [];

function flush() {
  const run = waiting;
  waiting = [];
  // A task later: a touch's mousedown, mouseup and click are dispatched in one task.
  if (run.length) setTimeout(() => { for (const fn of run) fn(); }, 0);
}

document.addEventListener('pointerdown', () => { pressed = true; }, true);
for (const type of ['pointerup', 'pointercancel']) {
  document.addEventListener(type, () => { pressed = false; flush(); }, true);
}

// Calls `fn` after the press under way, if any, and after the current task.
export function afterPress(fn) {
  waiting.push(fn);
  if (!pressed) flush();
}
