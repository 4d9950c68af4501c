// What every staff page does first: find the session (or send the person to log in), keep
// its CSRF token for later calls, and fill the header with who is logged in.
import { initLanguageSwitch, t, onLangChange } from '../i18n.js';
import { currentSession, logout, report, setCsrfToken } from './api.js';
import { startInboxBadge } from './inbox_badge.js';
import './messages.js';

export function landingPage(role) {
  return role === 'system_admin' ? '/staff/holidays.html' : '/staff/queue.html';
}

// The pages of the staff panel and who sees each: case workers have the dashboard and a
// queue; the system admin keeps the calendar, the failed messages and the keys (the others
// may read the calendar); coordinators and the system admin review the words the matcher
// learned.
const kPages = [
  { id: 'nav-dashboard', href: '/staff/dashboard.html', label: 'staff.nav.dashboard', admin: false },
  { id: 'nav-queue', href: '/staff/queue.html', label: 'staff.nav.queue', admin: false },
  { id: 'nav-notifications', href: '/staff/notifications.html', label: 'staff.nav.notifications', admin: true },
  { id: 'nav-api-keys', href: '/staff/api-keys.html', label: 'staff.nav.api_keys', admin: true },
  // Staff accounts, agencies and categories: the system admin's alone.
  { id: 'nav-accounts', href: '/staff/accounts.html', label: 'staff.nav.accounts', admin: true },
  { id: 'nav-agencies', href: '/staff/agencies.html', label: 'staff.nav.agencies', admin: true },
  { id: 'nav-holidays', href: '/staff/holidays.html', label: 'staff.nav.holidays' },
  // An agency's canned responses: its admin keeps them, its officers read them; the
  // coordinators keep their own.
  { id: 'nav-canned', href: '/staff/canned.html', label: 'staff.nav.canned', roles: ['agency_admin', 'agency_officer', 'coordinator'] },
  // What an agency decides for its own reports: its admin, and the system admin for all.
  { id: 'nav-agency-settings', href: '/staff/agency-settings.html', label: 'staff.nav.agency_settings', roles: ['agency_admin', 'system_admin'] },
  // The coordinators mark the duplicates that teach these words.
  { id: 'nav-term-links', href: '/staff/term-links.html', label: 'staff.nav.term_links', roles: ['coordinator', 'system_admin'] },
];

function renderNav(principal) {
  const nav = document.getElementById('staff-nav');
  const admin = principal.role === 'system_admin';
  const shown = (p) => (p.roles ? p.roles.includes(principal.role) : p.admin === undefined || p.admin === admin);
  nav.replaceChildren(...kPages.filter(shown).map((p) => {
    const a = Object.assign(document.createElement('a'), { id: p.id, href: p.href, textContent: t(p.label) });
    if (location.pathname === p.href) a.setAttribute('aria-current', 'page');
    return a;
  }));
}

function renderUser(principal) {
  const agency = principal.agency ? ` · ${principal.agency.name}` : '';
  document.getElementById('staff-user').textContent =
    `${principal.display_name} (${t('role.' + principal.role)}${agency})`;
  renderNav(principal);
}

// The box in the header that opens a report by its tracking ID, on every staff page: a
// citizen calling in reads out a number, and staff should not have to edit the address.
// "/" puts the cursor in it from anywhere on the page but a text field.
function renderLookup() {
  const bar = document.querySelector('header.bar');
  if (!bar || document.getElementById('lookup')) return;
  const form = Object.assign(document.createElement('form'), { id: 'lookup', className: 'lookup', role: 'search', noValidate: true });
  const label = Object.assign(document.createElement('label'), { htmlFor: 'lookup-id', className: 'visually-hidden' });
  const input = Object.assign(document.createElement('input'), {
    id: 'lookup-id', name: 'id', type: 'search', autocomplete: 'off', spellcheck: false, enterKeyHint: 'go',
  });
  input.setAttribute('aria-describedby', 'lookup-error');
  const button = Object.assign(document.createElement('button'), { type: 'submit', className: 'secondary' });
  const error = Object.assign(document.createElement('p'), { id: 'lookup-error', className: 'lookup-error' });
  error.setAttribute('role', 'status');
  const words = () => {
    label.textContent = t('lookup.label');
    input.placeholder = t('lookup.placeholder');
    button.textContent = t('lookup.open');
  };
  words();
  onLangChange(words);
  form.append(label, input, button, error);
  bar.querySelector('.menu')?.before(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const typed = input.value.trim();
    error.textContent = '';
    if (!typed) return input.focus();
    const res = await report(typed);
    if (res.ok) {
      location.href = '/staff/report.html?id=' + encodeURIComponent(res.data.tracking_id);
    } else {
      error.textContent = res.status === 404 ? t('lookup.not_found', { id: typed }) : res.message;
      input.focus();
    }
  });
  input.addEventListener('input', () => { error.textContent = ''; });
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest?.('input, textarea, select, [contenteditable]');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
}

export async function startStaffPage() {
  initLanguageSwitch();
  const res = await currentSession();
  if (!res.ok) {
    location.href = '/staff/?next=' + encodeURIComponent(location.pathname + location.search);
    return new Promise(() => {});  // the page is going away
  }
  // A temporary password: the login page's change form comes before anything else.
  if (res.data.password_change_required) {
    location.href = '/staff/?next=' + encodeURIComponent(location.pathname + location.search);
    return new Promise(() => {});
  }
  setCsrfToken(res.data.csrf_token);
  renderUser(res.data);
  renderLookup();
  startInboxBadge(res.data);
  onLangChange(() => renderUser(res.data));
  document.getElementById('logout').addEventListener('click', async () => {
    await logout();
    location.href = '/staff/';
  });
  return res.data;
}
