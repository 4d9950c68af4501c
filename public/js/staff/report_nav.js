// Moving through the queue from a report: the queue keeps the tracking IDs of the page it
// last drew (rememberQueue), and the report page offers the previous and next of them, by
// link and by key, and "next report" once an action is done. Keys on the report page: j and k
// (next, previous), f, a, r (forward, assign, respond, when the workflow allows them now),
// Escape (close the form), ? (the list).
import { formatNumber, t } from '../i18n.js';

const kKey = 'aduan.queue';

// Called by the queue for each page it draws.
export function rememberQueue(ids, query) {
  try { sessionStorage.setItem(kKey, JSON.stringify({ ids, query })); } catch { /* blocked: no next */ }
}

function remembered() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(kKey) ?? 'null');
    if (saved && Array.isArray(saved.ids) && typeof saved.query === 'string') return saved;
  } catch { /* corrupt: as if none */ }
  return { ids: [], query: '' };
}

const reportHref = (id) => '/staff/report.html?id=' + encodeURIComponent(id);
const kActionKeys = { f: 'forward', a: 'assign', r: 'respond' };

// `id`: the report shown; `openAction(action)`: opens the action's form when the workflow
// allows it now and returns whether it did; `closeAction()`: closes an open form.
export function startReportNav(id, { openAction, closeAction }) {
  const { ids, query } = remembered();
  const at = ids.indexOf(id);
  const back = document.getElementById('report-back');
  back.href = '/staff/queue.html' + (query ? query : '');
  const previous = document.getElementById('report-previous');
  const next = document.getElementById('report-next');
  const position = document.getElementById('report-position');
  previous.hidden = at <= 0;
  next.hidden = at < 0 || at >= ids.length - 1;
  if (!previous.hidden) previous.href = reportHref(ids[at - 1]);
  if (!next.hidden) next.href = reportHref(ids[at + 1]);
  const placeText = () => { position.textContent = at >= 0 ? t('report.position', { n: formatNumber(at + 1), of: formatNumber(ids.length) }) : ''; };
  placeText();

  const help = document.getElementById('keys');
  document.getElementById('keys-open').addEventListener('click', () => help.showModal());
  document.addEventListener('keydown', (event) => {
    // Not while typing, nor from inside an open form: Escape in a note would throw the draft
    // away, and f in a form would replace it.
    const typing = event.target.closest?.('input, textarea, select, [contenteditable], .action-form');
    if (typing || event.ctrlKey || event.metaKey || event.altKey || help.open) return;
    if (event.key === 'Escape') {
      closeAction();
      return;
    }
    if (event.key === '?') {
      event.preventDefault();
      help.showModal();
    } else if (event.key === 'j' && !next.hidden) {
      location.href = next.href;
    } else if (event.key === 'k' && !previous.hidden) {
      location.href = previous.href;
    } else if (kActionKeys[event.key] && openAction(kActionKeys[event.key])) {
      event.preventDefault();
    }
  });
  return {
    placeText,
    // After an action: the way on, focused, so that Enter opens the next report.
    nextLink() {
      if (next.hidden) return null;
      const link = Object.assign(document.createElement('a'), { href: next.href, className: 'next', textContent: t('report.next.after') });
      return link;
    },
  };
}
