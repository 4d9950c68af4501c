// The staff login page. A logged-in visitor goes straight on to their work.
import { initLanguageSwitch, t } from '../i18n.js';
import { currentSession, login } from './api.js';
import { landingPage } from './session.js';

const form = document.getElementById('login-form');
const message = document.getElementById('login-error');

function next(role) {
  const wanted = new URLSearchParams(location.search).get('next');
  // Only paths inside the staff panel: never an open redirect.
  return wanted && /^\/staff\/[\w.-]+(\?[\w=&%.-]*)?$/.test(wanted) ? wanted : landingPage(role);
}

async function main() {
  initLanguageSwitch();
  const existing = await currentSession();
  if (existing.ok) {
    location.replace(next(existing.data.role));
    return;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const res = await login(form.elements.username.value.trim(), form.elements.password.value);
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
  document.body.dataset.ready = 'true';
}

main();
