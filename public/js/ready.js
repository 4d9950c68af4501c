// A page's forms are sent only by its script. Their submit buttons are disabled in the HTML
// (data-until-ready) and enabled once the page has attached its handlers: a form sent before
// then went out as a plain GET with every field in the address, so a staff password or a
// reporter's PIN landed in the browser's history and the server's request line. A disabled
// default button also stops the Enter key (HTML's implicit submission).
export function formsReady() {
  for (const button of document.querySelectorAll('[data-until-ready]')) {
    button.disabled = false;
    button.removeAttribute('data-until-ready');
  }
}

// The page is drawn and its handlers attached (tests wait for data-ready).
export function pageReady() {
  formsReady();
  document.body.dataset.ready = 'true';
}
