// The page an activation link opens: the new staff member chooses their password. The token
// rides in the address (the link is the secret); the server keeps only its digest and
// accepts it once, within 72 hours.
import { fieldMessage, initLanguageSwitch, t } from '../i18n.js';
import { activateAccount } from './api.js';
import './messages.js';
import { pageReady } from '../ready.js';

const form = document.getElementById('activate-form');
const error = document.getElementById('activate-error');
const fieldError = document.getElementById('password-error');

function main() {
  initLanguageSwitch();
  const token = new URLSearchParams(location.search).get('token') ?? '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = fieldError.textContent = '';
    if (form.elements.password.value !== form.elements.confirm.value) {
      fieldError.textContent = t('account.change.mismatch');
      return form.elements.confirm.focus();
    }
    const res = await activateAccount(token, form.elements.password.value);
    if (res.ok) {
      form.hidden = true;
      document.getElementById('activated').hidden = false;
      document.getElementById('activated-text').textContent = t('activate.done', { username: res.data.username });
      return;
    }
    const own = res.errors.find((e) => e.field === 'password');
    if (own) fieldError.textContent = fieldMessage(own.field, own.code);
    else error.textContent = res.message;
    form.elements.password.focus();
  });
  pageReady();
}

main();
