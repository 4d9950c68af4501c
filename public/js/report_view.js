// Pieces of a report page that the citizen's tracking page and the staff panel share: the
// deadline with its colour, and the timeline.
import { renderEntryFiles } from './entry_files.js';
import { formatDate, formatDateTime, t } from './i18n.js';

// Statuses and stages that wait for the reporter are worded about "the reporter" wherever
// anyone else reads them (the public, the staff); only the reporter's own view says "you".
const kMine = new Set(['postponed', 'resolved', 'citizen_confirmation']);
const personal = (kind, name, mine) => t(`${kind}.${mine && kMine.has(name) ? 'mine.' : ''}${name}`);

export const statusText = (status, mine = false) => personal('status', status, mine);

// Fills #deadline-row, #deadline-label, #deadline-chip and #deadline-text; hides the row
// when no deadline runs. The colour is always also said in words. `mine`: the reporter reads.
export function renderDeadline(deadline, { mine = false } = {}) {
  const row = document.getElementById('deadline-row');
  row.hidden = !deadline;
  if (!deadline) return;
  document.getElementById('deadline-label').textContent =
    t('track.deadline', { stage: personal('stage', deadline.stage, mine) });
  const chip = document.getElementById('deadline-chip');
  chip.textContent = t('colour.' + deadline.colour);
  chip.className = 'chip ' + deadline.colour;
  const date = formatDate(deadline.due);
  const left = deadline.working_days_left;
  document.getElementById('deadline-text').textContent =
    left > 0 ? t('track.deadline.left', { date, days: left })
      : left === 0 ? t('track.deadline.today', { date })
        : t('track.deadline.over', { date, days: -left });
}

// A privacy change's note ("anonymous:on confidential:off") in words.
function privacyNote(note) {
  return note.split(' ').filter(Boolean).map((change) => t('privacy.event.' + change.replace(':', '.'))).join('; ');
}

// Fills `list` with the events. Staff events carry who acted and whether the citizen sees it.
// `openFile(a)`: the address of an entry's file (entry_files.js); without it no files show.
export function renderTimeline(list, events, { openFile = null } = {}) {
  list.replaceChildren();
  for (const e of events) {
    const item = document.createElement('li');
    if (e.public === false) item.className = 'internal';
    if (e.published) item.className = 'published';
    const when = document.createElement('time');
    when.dateTime = e.at;
    when.textContent = formatDateTime(e.at);
    const what = document.createElement('strong');
    what.textContent = t('action.' + e.action);
    const who = document.createElement('span');
    who.className = 'by';
    who.textContent = e.role === undefined
      ? t('by.' + e.by)
      : [e.actor, t('role.' + e.role)].filter(Boolean).join(', ')
        + (e.published ? ` · ${t('report.published')}` : '');
    item.append(when);
    // Staff only: an entry the reporter does not see carries a label of its own, so that
    // nobody mistakes it for what the reporter was told.
    if (e.public === false) {
      item.append(Object.assign(document.createElement('span'), { className: 'chip amber internal-label', textContent: t('report.internal') }), ' ');
    }
    item.append(what, ' · ', who);
    if (e.note) {
      const note = document.createElement('p');
      note.textContent = e.action === 'privacy' ? privacyNote(e.note) : e.note;
      item.append(note);
    }
    if (openFile && e.attachments?.length) renderEntryFiles(item, e.attachments, openFile);
    list.append(item);
  }
}
