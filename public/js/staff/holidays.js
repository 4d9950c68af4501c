// The holiday calendar deadlines are counted on. Everyone on the staff can read it; the
// system admin adds, removes and imports.
import { showErrors } from '../form_fields.js';
import { formatDate, onLangChange, t } from '../i18n.js';
import { addHoliday, holidays, importHolidays, removeHoliday } from './api.js';
import { startStaffPage } from './session.js';

const list = document.getElementById('holiday-list');
const notice = document.getElementById('holiday-notice');
const addForm = document.getElementById('holiday-form');
const importForm = document.getElementById('import-form');
let editable = false;
let shown = [];

function say(text) {
  notice.textContent = text;
  notice.hidden = !text;
}

function render(items) {
  shown = items;
  list.replaceChildren();
  for (const h of items) {
    const row = document.createElement('tr');
    const date = document.createElement('td');
    const time = document.createElement('time');
    time.dateTime = h.date;
    time.textContent = formatDate(h.date);
    date.append(time);
    const name = Object.assign(document.createElement('td'), { textContent: h.name });
    const kind = Object.assign(document.createElement('td'), { textContent: t('holidays.kind.' + h.kind) });
    row.append(date, name, kind);
    if (editable) {
      const cell = document.createElement('td');
      const b = Object.assign(document.createElement('button'), {
        type: 'button', className: 'link', textContent: t('holidays.remove'),
      });
      b.setAttribute('aria-label', t('holidays.remove.label', { date: formatDate(h.date) }));
      b.addEventListener('click', async () => {
        const res = await removeHoliday(h.date);
        if (res.ok) render(res.data);
        else say(res.message);
      });
      cell.append(b);
      row.append(cell);
    }
    list.append(row);
  }
}

async function main() {
  const principal = await startStaffPage();
  editable = principal.role === 'system_admin';
  addForm.hidden = !editable;
  importForm.hidden = !editable;
  document.getElementById('holiday-actions-head').hidden = !editable;
  document.getElementById('holidays-readonly').hidden = editable;
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      date: addForm.elements.date.value,
      name: addForm.elements.name.value,
      kind: addForm.elements.kind.value,
    };
    const res = await addHoliday(body);
    showErrors(addForm, res.ok ? [] : res.errors, null);
    if (res.ok) {
      addForm.reset();
      render(res.data);
      say('');
    }
  });
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = importForm.elements.file.files[0];
    if (!file) return;
    const res = await importHolidays(await file.text());
    if (res.ok) {
      render(res.data);
      say(t('holidays.imported'));
    } else {
      say([res.message, ...res.errors.map((e) => `${e.field}: ${e.code}`)].join(' '));
    }
  });
  onLangChange(() => render(shown));
  const res = await holidays();
  if (res.ok) render(res.data);
  document.body.dataset.ready = 'true';
}

main();
