// The inbox's link in the header of every staff page, with the number of unread items. The
// count comes from the server (GET /api/v1/staff/inbox); a page that marks items read (the
// report, the inbox) passes on the count the server answered.
import { formatNumber, onLangChange, t } from '../i18n.js';
import { inbox } from './api.js';

// Those with an inbox: the system admin reads no complaint.
const kRoles = ['coordinator', 'agency_admin', 'agency_officer', 'supervisor'];
let link = null;
let unread = 0;
let seq = 0;  // a count set later wins over an answer still on its way

function draw() {
  if (!link) return;
  const count = link.querySelector('.count');
  link.querySelector('.label').textContent = t('staff.nav.inbox');
  count.textContent = unread > 99 ? '99+' : formatNumber(unread);
  count.hidden = unread === 0;
  link.dataset.unread = String(unread);
  link.setAttribute('aria-label', unread ? `${t('staff.nav.inbox')}: ${t('inbox.badge.label', { n: formatNumber(unread) })}` : t('staff.nav.inbox'));
}

export function setInboxCount(n) {
  ++seq;
  unread = n;
  draw();
}

export async function refreshInboxBadge() {
  if (!link) return;
  const mine = ++seq;
  const res = await inbox({ items: 0 });
  if (res.ok && mine === seq) {
    unread = res.data.unread;
    draw();
  }
}

export function startInboxBadge(principal) {
  const bar = document.querySelector('header.bar');
  if (!bar || !kRoles.includes(principal.role) || document.getElementById('inbox-link')) return;
  link = Object.assign(document.createElement('a'), { id: 'inbox-link', className: 'inbox-link', href: '/staff/inbox.html' });
  if (location.pathname === '/staff/inbox.html') link.setAttribute('aria-current', 'page');
  const label = Object.assign(document.createElement('span'), { className: 'label' });
  const count = Object.assign(document.createElement('span'), { className: 'count', hidden: true });
  count.setAttribute('aria-hidden', 'true');
  link.append(label, count);
  bar.querySelector('.menu')?.before(link);
  draw();
  onLangChange(draw);
  refreshInboxBadge();
}
