// The inbox: what needs this staff member's attention, newest first, one item per report,
// each a link to the report (opening it marks it read), with "mark read" and "mark all read".
// Which items a role gets is the server's (server/services/inbox_service.h).
import { formatDate, formatDateTime, formatNumber, onLangChange, t } from '../i18n.js';
import { inbox, markInboxRead } from './api.js';
import { setInboxCount } from './inbox_badge.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const list = document.getElementById('inbox-list');
const summary = document.getElementById('inbox-summary');
const markAll = document.getElementById('inbox-mark-all');
const more = document.getElementById('inbox-more');
let page = null;

function renderItem(item) {
  const li = document.createElement('li');
  li.className = 'inbox-item' + (item.unread ? ' unread' : '');
  li.dataset.trackingId = item.tracking_id;
  const head = document.createElement('p');
  head.className = 'inbox-head';
  if (item.unread) {
    head.append(Object.assign(document.createElement('span'), { className: 'badge new', textContent: t('inbox.new') }), ' ');
  }
  head.append(Object.assign(document.createElement('strong'), { className: 'inbox-kind', textContent: t('inbox.kind.' + item.kind) }));
  const when = [formatDateTime(item.at)];
  if (item.by) when.push(t('inbox.by', { name: item.by }));
  head.append(' · ', Object.assign(document.createElement('span'), { className: 'inbox-when', textContent: when.join(' ') }));
  // The title is the item's one link, stretched over the whole item (staff.css).
  const title = document.createElement('p');
  title.className = 'inbox-title';
  const link = Object.assign(document.createElement('a'), { href: '/staff/report.html?id=' + encodeURIComponent(item.tracking_id) });
  link.append(Object.assign(document.createElement('span'), { className: 'mono', textContent: item.tracking_id }), ' ', item.title);
  title.append(link);
  const meta = document.createElement('p');
  meta.className = 'queue-meta';
  meta.append(t('status.' + item.status));
  if (item.deadline) {
    const chip = Object.assign(document.createElement('span'), { className: 'chip ' + item.deadline.colour, textContent: t('colour.' + item.deadline.colour) });
    meta.append(' · ', chip, ' ', formatDate(item.deadline.due));
  }
  if (item.agency) meta.append(' · ', item.agency.name);
  // "Mark read" at the end of the meta line, above the item's stretched link.
  if (item.unread) {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link mark-read', textContent: t('inbox.mark_read') });
    button.setAttribute('aria-label', t('inbox.mark_read.label', { id: item.tracking_id }));
    button.addEventListener('click', async () => {
      const res = await markInboxRead({ tracking_id: item.tracking_id });
      if (res.ok) await load();
    });
    meta.append(' · ', button);
  }
  li.append(head, title, meta);
  if (item.instructions) {
    li.append(Object.assign(document.createElement('p'), { className: 'inbox-instructions', textContent: t('inbox.instructions', { text: item.instructions }) }));
  }
  return li;
}

function render() {
  list.replaceChildren(...page.items.map(renderItem));
  summary.textContent = !page.items.length ? t('inbox.empty')
    : page.unread ? t('inbox.unread', { n: formatNumber(page.unread) }) : t('inbox.none_unread');
  markAll.hidden = page.unread === 0;
  more.hidden = page.items.length < page.page_size;
  more.textContent = t('inbox.more', { shown: formatNumber(page.items.length) });
}

async function load() {
  list.setAttribute('aria-busy', 'true');
  const res = await inbox();
  list.setAttribute('aria-busy', 'false');
  if (!res.ok) {
    summary.textContent = res.message;
    return;
  }
  page = res.data;
  setInboxCount(page.unread);
  render();
}

async function main() {
  await startStaffPage();
  markAll.addEventListener('click', async () => {
    // Up to what this page showed: an item that arrived since stays unread.
    const res = await markInboxRead({ all: true, up_to: page.newest_event_id });
    if (res.ok) await load();
  });
  onLangChange(() => { if (page) render(); });
  await load();
  pageReady();
}

main();
