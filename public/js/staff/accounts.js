// Staff accounts: the system admin lists them, creates one with an activation link or a
// temporary password (shown once), disables, enables and resets them. The rules (which
// role needs an agency, what a username may be) are the server's core; the page shows the
// field codes it answers with.
import { fieldMessage, formatDateTime, onLangChange, t } from '../i18n.js';
import { accounts, adminAgencies, changeAccount, createAccount, resetAccount, setAccountDisabled } from './api.js';
import { showHistory } from './admin_history.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const list = document.getElementById('account-list');
const form = document.getElementById('account-form');
const problem = document.getElementById('account-error');
const history = document.getElementById('history');
const saved = document.getElementById('account-saved');
let shown = [];
let me = null;
// The account the form changes, or null while it creates one.
let editing = null;

const kAgencyRoles = ['agency_admin', 'agency_officer'];

function cell(text) { return Object.assign(document.createElement('td'), { textContent: text }); }

function button(label, aria, onClick) {
  const b = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: label });
  b.setAttribute('aria-label', aria);
  b.addEventListener('click', onClick);
  return b;
}

function state(a) {
  if (a.disabled) return t('account.state.disabled');
  if (a.activation_pending) return t('account.state.pending');
  if (a.password_change_required) return t('account.state.temporary');
  return t('account.state.active');
}

// The way in that the server issued, shown once: the whole link to send, or the password.
function showIssued(data, username) {
  const box = document.getElementById('issued');
  box.hidden = false;
  if (data.activation) {
    document.getElementById('issued-intro').textContent = t('account.issued.link', { username, expires: formatDateTime(data.activation.expires_at) });
    document.getElementById('issued-value').textContent = location.origin + data.activation.path;
  } else {
    document.getElementById('issued-intro').textContent = t('account.issued.password', { username });
    document.getElementById('issued-value').textContent = data.temporary_password;
  }
}

function render(rows) {
  shown = rows;
  list.replaceChildren(...rows.map((a) => {
    const row = document.createElement('tr');
    row.dataset.username = a.username;
    const actions = document.createElement('td');
    actions.className = 'actions-cell';
    actions.append(button(t('account.edit'), t('account.edit.label', { username: a.username }), () => startEdit(a)), ' ');
    if (a.username !== me.username) {
      actions.append(button(t(a.disabled ? 'account.enable' : 'account.disable'), t(a.disabled ? 'account.enable.label' : 'account.disable.label', { username: a.username }), async () => {
        if (!a.disabled && !window.confirm(t('account.disable.confirm', { username: a.username }))) return;
        const res = await setAccountDisabled(a.id, !a.disabled);
        problem.textContent = res.ok ? '' : res.message;
        load();
      }));
    }
    for (const credential of ['activation_link', 'temporary_password']) {
      actions.append(' ', button(t('account.reset.' + credential), t('account.reset.' + credential + '.label', { username: a.username }), async () => {
        // The old password stops working and the account's sessions end at once.
        if (!window.confirm(t('account.reset.confirm', { username: a.username }))) return;
        const res = await resetAccount(a.id, credential);
        problem.textContent = res.ok ? '' : res.message;
        if (res.ok) showIssued(res.data, a.username);
        load();
      }));
    }
    row.append(cell(a.username), cell(a.display_name), cell(t('role.' + a.role)), cell(a.agency ? a.agency.name : '—'),
      cell(state(a)), cell(a.last_login_at ? formatDateTime(a.last_login_at) : t('account.never')), actions);
    return row;
  }));
}

function showErrors(errors) {
  for (const line of form.querySelectorAll('p.error')) line.textContent = '';
  for (const name of ['username', 'display_name', 'role', 'agency', 'email']) form.elements[name].removeAttribute('aria-invalid');
  for (const e of errors) {
    const line = document.getElementById(e.field + '-error');
    if (!line || line.textContent) continue;
    line.textContent = fieldMessage(e.field, e.code);
    form.elements[e.field]?.setAttribute('aria-invalid', 'true');
  }
  const first = errors.find((e) => form.elements[e.field]);
  if (first) form.elements[first.field].focus();
}

async function load() {
  list.setAttribute('aria-busy', 'true');
  const res = await accounts();
  if (res.ok) render(res.data);
  list.setAttribute('aria-busy', 'false');
  showHistory(history, ['account']);
}

// The form changes `a` (or creates an account again with null): the username and the way in
// stay as they are.
function startEdit(a) {
  editing = a;
  saved.textContent = '';
  // A link or password shown for another account is not this form's business any more.
  if (a) document.getElementById('issued').hidden = true;
  form.elements.username.value = a ? a.username : '';
  form.elements.username.readOnly = Boolean(a);
  document.getElementById('credential-field').hidden = Boolean(a);
  document.getElementById('account-cancel').hidden = !a;
  const submit = document.getElementById('account-submit');
  submit.dataset.i18n = a ? 'account.save' : 'account.create';
  submit.textContent = t(submit.dataset.i18n);
  if (a) {
    form.elements.display_name.value = a.display_name;
    form.elements.role.value = a.role;
    form.elements.email.value = a.email;
    agencyFollowsRole();
    form.elements.agency.value = a.agency ? a.agency.code : '';
    form.elements.display_name.focus();
  } else {
    form.reset();
    agencyFollowsRole();
  }
  showErrors([]);
}

// Only agency roles choose an agency; the select is off for the others.
function agencyFollowsRole() {
  const needs = kAgencyRoles.includes(form.elements.role.value);
  form.elements.agency.disabled = !needs;
  if (!needs) form.elements.agency.value = '';
}

async function main() {
  me = await startStaffPage();
  const agencies = await adminAgencies();
  const select = form.elements.agency;
  select.append(Object.assign(document.createElement('option'), { value: '', textContent: '—' }),
    ...(agencies.ok ? agencies.data : []).filter((a) => a.active).map((a) => Object.assign(document.createElement('option'), { value: a.code, textContent: a.name })));
  form.elements.role.addEventListener('change', agencyFollowsRole);
  agencyFollowsRole();
  document.getElementById('account-cancel').addEventListener('click', () => startEdit(null));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (editing) {
      const change = {
        display_name: form.elements.display_name.value.trim(),
        role: form.elements.role.value,
        agency: form.elements.agency.value,
        email: form.elements.email.value.trim(),
      };
      const res = await changeAccount(editing.id, change);
      showErrors(res.ok ? [] : res.errors);
      problem.textContent = res.ok || res.errors.length ? '' : res.message;
      if (!res.ok) return;
      const username = editing.username;
      startEdit(null);
      saved.textContent = t('account.saved', { username });
      load();
      return;
    }
    const account = {
      username: form.elements.username.value.trim(),
      display_name: form.elements.display_name.value.trim(),
      role: form.elements.role.value,
      agency: form.elements.agency.value,
      email: form.elements.email.value.trim(),
      credential: form.elements.credential.value,
    };
    const res = await createAccount(account);
    showErrors(res.ok ? [] : res.errors);
    problem.textContent = res.ok || res.errors.length ? '' : res.message;
    if (!res.ok) return;
    showIssued(res.data, res.data.account.username);
    form.reset();
    agencyFollowsRole();
    load();
  });
  onLangChange(() => { render(shown); showHistory(history, ['account']); });
  await load();
  pageReady();
}

main();
