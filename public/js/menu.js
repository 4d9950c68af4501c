// The header's "Menu" on a phone is a <details>, which opens and closes without script. This
// adds what a menu is expected to do besides: Escape closes it and gives the focus back to
// its button, and a tap outside it closes it.
export function initMenu() {
  const menu = document.querySelector('header .menu');
  if (!menu) return;
  const summary = menu.querySelector('summary');
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) {
      menu.open = false;
      summary.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (menu.open && !menu.contains(e.target)) menu.open = false;
  });
}
