// The staff login page. A logged-in visitor goes straight on to their work.
import { fieldMessage, initLanguageSwitch, t } from '../i18n.js';
import { changePassword, currentSession, login, setCsrfToken } from './api.js';
import { landingPage } from './session.js';
import { pageReady } from '../ready.js';

const form = document.getElementById('login-form');
const message = document.getElementById('login-error');

function next(role) {
  const wanted = new URLSearchParams(location.search).get('next');
  // Only paths inside the staff panel: never an open redirect.
  return wanted && /^\/staff\/[\w.-]+(\?[\w=&%.-]*)?$/.test(wanted) ? wanted : landingPage(role);
}

// A temporary password opens a session that may only choose a new one: this form comes
// before anything else, and the server refuses every other call until it is done.
function askForNewPassword(principal, typed = '') {
  setCsrfToken(principal.csrf_token);
  form.hidden = true;
  // The change form's own heading says what this page is for now.
  document.querySelector('main h1').hidden = true;
  const change = document.getElementById('change-form');
  change.hidden = false;
  change.elements.current_password.value = typed;
  (typed ? change.elements.password : change.elements.current_password).focus();
  change.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = document.getElementById('change-error');
    const current = document.getElementById('current_password-error');
    const fresh = document.getElementById('new-password-error');
    error.textContent = current.textContent = fresh.textContent = '';
    if (change.elements.password.value !== change.elements.confirm.value) {
      fresh.textContent = t('account.change.mismatch');
      return change.elements.confirm.focus();
    }
    const res = await changePassword(change.elements.current_password.value, change.elements.password.value);
    if (res.ok) {
      location.href = next(principal.role);
      return;
    }
    for (const e of res.errors) {
      (e.field === 'current_password' ? current : fresh).textContent = fieldMessage(e.field, e.code);
    }
    if (!res.errors.length) error.textContent = res.message;
  });
}

async function main() {
  initLanguageSwitch();
  const existing = await currentSession();
  if (existing.ok && existing.data.password_change_required) {
    askForNewPassword(existing.data);
    pageReady();
    return;
  }
  if (existing.ok) {
    location.replace(next(existing.data.role));
    return;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const res = await login(form.elements.username.value.trim(), form.elements.password.value);
    if (res.ok && res.data.password_change_required) {
      askForNewPassword(res.data, form.elements.password.value);
      return;
    }
    if (res.ok) {
      location.href = next(res.data.role);
      return;
    }
    form.elements.password.value = '';
    // A 429's words carry the wait the server gave (server_errors.js).
    message.textContent = res.status === 429 ? res.message
      : res.status === 0 ? t('submit.network') : t('staff.login.failed');
    form.elements.password.focus();
  });
  pageReady();
}

main();
