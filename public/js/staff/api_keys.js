// Integration keys: the system admin creates one per connected system and revokes it when
// that system should no longer write.
import { showErrors } from '../form_fields.js';
import { formatDateTime, onLangChange, t } from '../i18n.js';
import { apiKeys, createApiKey, revokeApiKey } from './api.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const list = document.getElementById('key-list');
const form = document.getElementById('key-form');
let shown = [];

function cell(text) { return Object.assign(document.createElement('td'), { textContent: text }); }

function render(keys) {
  shown = keys;
  list.replaceChildren(...keys.map((k) => {
    const row = document.createElement('tr');
    const action = document.createElement('td');
    if (k.revoked) {
      action.textContent = t('keys.revoked');
    } else {
      const b = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: t('keys.revoke') });
      b.setAttribute('aria-label', t('keys.revoke.label', { name: k.name }));
      b.addEventListener('click', async () => {
        const res = await revokeApiKey(k.id);
        if (res.ok) load();
      });
      action.append(b);
    }
    row.append(cell(k.name), cell(k.scopes.map((s) => t('keys.scope.' + s)).join(', ')), cell(k.prefix + '…'), cell(formatDateTime(k.created_at)),
      cell(k.last_used_at ? formatDateTime(k.last_used_at) : t('keys.never')), action);
    return row;
  }));
}

async function load() {
  const res = await apiKeys();
  if (res.ok) render(res.data);
}

async function main() {
  await startStaffPage();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const res = await createApiKey(form.elements.name.value.trim(), form.elements.scope.value);
    showErrors(form, res.ok ? [] : res.errors, null);
    if (!res.ok) return;
    form.reset();
    document.getElementById('new-key').hidden = false;
    document.getElementById('new-key-value').textContent = res.data.key;
    load();
  });
  onLangChange(() => render(shown));
  await load();
  pageReady();
}

main();
