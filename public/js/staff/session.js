// What every staff page does first: find the session (or send the person to log in), keep
// its CSRF token for later calls, and fill the header with who is logged in.
import { initLanguageSwitch, t, onLangChange } from '../i18n.js';
import { currentSession, logout, setCsrfToken } from './api.js';
import './messages.js';

export function landingPage(role) {
  return role === 'system_admin' ? '/staff/holidays.html' : '/staff/queue.html';
}

function renderUser(principal) {
  const who = document.getElementById('staff-user');
  if (!who) return;
  const agency = principal.agency ? ` · ${principal.agency.name}` : '';
  who.textContent = `${principal.display_name} (${t('role.' + principal.role)}${agency})`;
  // Case workers have a queue; only the system admin edits the calendar (others may read it).
  document.getElementById('nav-queue').hidden = principal.role === 'system_admin';
  document.getElementById('nav-dashboard').hidden = principal.role === 'system_admin';
  document.getElementById('nav-notifications').hidden = principal.role !== 'system_admin';
  document.getElementById('nav-api-keys').hidden = principal.role !== 'system_admin';
}

export async function startStaffPage() {
  initLanguageSwitch();
  const res = await currentSession();
  if (!res.ok) {
    location.href = '/staff/?next=' + encodeURIComponent(location.pathname + location.search);
    return new Promise(() => {});  // the page is going away
  }
  setCsrfToken(res.data.csrf_token);
  renderUser(res.data);
  onLangChange(() => renderUser(res.data));
  document.getElementById('logout').addEventListener('click', async () => {
    await logout();
    location.href = '/staff/';
  });
  return res.data;
}
