// What every staff page does first: find the session (or send the person to log in), keep
// its CSRF token for later calls, and fill the header with who is logged in.
import { initLanguageSwitch, t, onLangChange } from '../i18n.js';
import { currentSession, logout, setCsrfToken } from './api.js';
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
  { id: 'nav-holidays', href: '/staff/holidays.html', label: 'staff.nav.holidays' },
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
