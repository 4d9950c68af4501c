// The holiday calendar deadlines are counted on. Everyone on the staff can read it; the
// system admin adds, removes, imports and confirms a year's holidays (the years aduan ships
// are provisional until then).
import { showErrors } from '../form_fields.js';
import { fieldMessage, formatDate, onLangChange, t } from '../i18n.js';
import { addHoliday, confirmHolidayYear, holidayYears, holidays, importHolidays, removeHoliday } from './api.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const list = document.getElementById('holiday-list');
const notice = document.getElementById('holiday-notice');
const addForm = document.getElementById('holiday-form');
const importForm = document.getElementById('import-form');
let editable = false;
let shown = [];
let shownYears = [];
const yearList = document.getElementById('year-list');

function renderYears(years) {
  shownYears = years;
  yearList.replaceChildren(...years.map((y) => {
    const row = document.createElement('tr');
    const status = document.createElement('td');
    if (y.confirmed) {
      status.textContent = y.confirmed_by ? t('holidays.confirmed.by', { by: y.confirmed_by }) : t('holidays.confirmed');
    } else {
      status.append(Object.assign(document.createElement('span'), { className: 'badge warn', textContent: t('holidays.provisional') }));
    }
    row.append(Object.assign(document.createElement('td'), { textContent: String(y.year) }),
      Object.assign(document.createElement('td'), { textContent: String(y.holidays) }), status);
    const cell = document.createElement('td');
    if (editable && !y.confirmed) {
      const b = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: t('holidays.confirm') });
      b.setAttribute('aria-label', t('holidays.confirm.label', { year: y.year }));
      b.addEventListener('click', async () => {
        const res = await confirmHolidayYear(y.year);
        if (res.ok) {
          renderYears(res.data);
          await refresh();
        } else {
          say(res.message);
        }
      });
      cell.append(b);
    }
    row.append(cell);
    return row;
  }));
}

async function refresh() {
  const [list, years] = await Promise.all([holidays(), holidayYears()]);
  if (list.ok) render(list.data);
  if (years.ok) renderYears(years.data);
}

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
    if (h.provisional) name.append(' ', Object.assign(document.createElement('span'), { className: 'badge warn', textContent: t('holidays.provisional.badge') }));
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
        if (res.ok) await refresh();
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
      await refresh();
      say('');
    }
  });
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = importForm.elements.file.files[0];
    if (!file) return;
    const res = await importHolidays(await file.text());
    if (res.ok) {
      await refresh();
      say(t('holidays.imported'));
    } else {
      say([res.message, ...res.errors.map((e) => `${e.field}: ${fieldMessage(e.field, e.code)}`)].join(' '));
    }
  });
  onLangChange(() => { render(shown); renderYears(shownYears); });
  await refresh();
  pageReady();
}

main();
