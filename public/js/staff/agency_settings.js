// An agency's own settings: whether its officers may resolve the reports assigned to them
// (the core's AgencyRules). Its admin sees and changes their agency; the system admin every
// agency. Each form shows the last changes with who made them and when.
import { showErrors } from '../form_fields.js';
import { formatDateTime, onLangChange, t } from '../i18n.js';
import { agencySettings, setAgencySetting } from './api.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const list = document.getElementById('settings-list');
const notice = document.getElementById('settings-notice');
let items = [];

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function say(text) {
  notice.textContent = text;
  notice.hidden = !text;
}

function changes(item) {
  if (!item.changes.length) return element('p', { className: 'queue-meta', textContent: t('settings.changes.none') });
  return element('ul', { className: 'setting-changes' }, ...item.changes.map((c) =>
    element('li', { textContent: t(c.value ? 'settings.change.on' : 'settings.change.off', { at: formatDateTime(c.changed_at), by: c.changed_by }) })));
}

function card(item, index) {
  const box = element('input', { type: 'checkbox', id: `officers-resolve-${index}`, name: 'officers_resolve', checked: item.officers_resolve });
  box.setAttribute('aria-describedby', `officers-resolve-${index}-hint`);
  const form = element('form', { className: 'setting-form', noValidate: true },
    element('h2', { textContent: item.name }),
    element('label', { className: 'check' }, box, ' ', t('settings.officers_resolve')),
    element('p', { className: 'hint', id: `officers-resolve-${index}-hint`, textContent: t('settings.officers_resolve.hint') }),
    element('p', { className: 'error', id: 'officers_resolve-error' }),
    element('p', { className: 'actions' }, element('button', { type: 'submit', className: 'primary', textContent: t('settings.save') })),
    element('h3', { textContent: t('settings.changes') }),
    changes(item));
  form.dataset.agency = item.code;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    const res = await setAgencySetting(item.code, { officers_resolve: box.checked });
    button.disabled = false;
    if (!res.ok) {
      if (res.status === 422) showErrors(form, res.errors, null);
      say(res.message);
      return;
    }
    items[index] = res.data;
    render();
    say(t('settings.saved', { agency: res.data.name }));
    list.querySelector(`#officers-resolve-${index}`)?.focus();
  });
  return form;
}

function render() {
  document.getElementById('settings-none').hidden = items.length > 0;
  list.replaceChildren(...items.map(card));
  list.setAttribute('aria-busy', 'false');
}

async function main() {
  await startStaffPage();
  const res = await agencySettings();
  items = res.ok ? res.data.items : [];
  if (!res.ok) say(res.message);
  render();
  onLangChange(render);
  pageReady();
}

main();
