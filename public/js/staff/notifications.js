// Messages that failed for good, for the system admin to fix and send again. The server
// sends no subject or text (the system admin reads no complaint) and masks citizens'
// contacts; the page names the kind of message instead.
import { formatDateTime, onLangChange, t } from '../i18n.js';
import { failedNotifications, retryNotification } from './api.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const list = document.getElementById('notification-list');
const notice = document.getElementById('notifications-notice');
let shown = [];

function cell(text) {
  return Object.assign(document.createElement('td'), { textContent: text });
}

// The kind of message in the chosen language; an event the catalogue does not name as sent.
function eventLabel(event) {
  const key = `notifications.event.${event}`;
  const label = t(key);
  return label === key ? event : label;
}

function recipientCell(m) {
  const td = cell(m.recipient);
  if (m.to_citizen) {
    td.append(document.createElement('br'),
      Object.assign(document.createElement('small'), { textContent: t('notifications.citizen') }));
  }
  return td;
}

function render(items) {
  shown = items;
  document.getElementById('notifications-empty').hidden = items.length > 0;
  list.replaceChildren(...items.map((m) => {
    const row = document.createElement('tr');
    const retry = Object.assign(document.createElement('button'), {
      type: 'button', className: 'link', textContent: t('notifications.retry'),
    });
    retry.setAttribute('aria-label', t('notifications.retry.label', { recipient: m.recipient }));
    retry.addEventListener('click', async () => {
      const res = await retryNotification(m.id);
      notice.hidden = false;
      notice.textContent = res.ok ? t('notifications.queued') : res.message;
      if (res.ok) render(shown.filter((x) => x.id !== m.id));
    });
    const action = document.createElement('td');
    action.append(retry);
    row.append(cell(formatDateTime(m.created_at)), cell(m.channel), recipientCell(m),
      cell(eventLabel(m.event)), cell(m.last_error), action);
    return row;
  }));
}

async function main() {
  await startStaffPage();
  onLangChange(() => render(shown));
  const res = await failedNotifications();
  if (res.ok) render(res.data);
  pageReady();
}

main();
