// Canned responses: the texts an agency writes every day. The agency admin adds, changes and
// removes them; officers read them here (and insert them into a note on a report); the
// coordinators keep their own list the same way.
import { showErrors } from '../form_fields.js';
import { formatDateTime, formatNumber, onLangChange, setFieldLimits, t } from '../i18n.js';
import { addCannedResponse, cannedResponses, changeCannedResponse, removeCannedResponse } from './api.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const form = document.getElementById('canned-form');
const list = document.getElementById('canned-list');
const notice = document.getElementById('canned-notice');
const save = document.getElementById('canned-save');
const cancel = document.getElementById('canned-cancel');
const heading = document.getElementById('canned-form-heading');
let listing = null;
let editing = null;  // the item being changed, or null for a new one

function say(text) {
  notice.textContent = text;
  notice.hidden = !text;
}

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function formWords() {
  heading.textContent = t(editing ? 'canned.edit.heading' : 'canned.new');
  save.textContent = t(editing ? 'canned.save' : 'canned.add');
  cancel.hidden = !editing;
}

function setMode(item) {
  editing = item;
  formWords();
  form.elements.title.value = item?.title ?? '';
  form.elements.text.value = item?.text ?? '';
  showErrors(form, [], null);
  form.querySelector('#canned-error').textContent = '';
}

function renderOwner() {
  const owner = document.getElementById('canned-owner');
  owner.textContent = listing.list === 'coordinators' ? t('canned.owner.coordinators')
    : t('canned.owner.agency', { agency: listing.agency?.name ?? '' });
  document.getElementById('canned-intro').textContent =
    t(listing.list === 'coordinators' ? 'canned.intro.coordinators' : 'canned.intro');
}

// One removal at a time, confirmed in place: the buttons of the row become "remove?" and
// "keep", and focus goes to the choice.
function askRemove(item, buttons, removeButton) {
  const yes = element('button', { type: 'button', className: 'danger', textContent: t('canned.remove.yes') });
  const no = element('button', { type: 'button', className: 'link', textContent: t('canned.remove.no') });
  const question = element('span', { textContent: t('canned.remove.ask', { title: item.title }) });
  const before = [...buttons.childNodes];
  buttons.replaceChildren(question, yes, no);
  yes.focus();
  no.addEventListener('click', () => { buttons.replaceChildren(...before); removeButton.focus(); });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    const res = await removeCannedResponse(item.id);
    if (res.ok || res.status === 404) {
      if (editing?.id === item.id) setMode(null);
      await refresh();
      say(t('canned.removed', { title: item.title }));
      document.getElementById('canned-list-heading').focus();
    } else {
      yes.disabled = false;
      say(res.message);
    }
  });
}

function render() {
  if (!listing) return;
  renderOwner();
  const items = listing.items;
  const count = document.getElementById('canned-count');
  count.textContent = t('canned.count', { n: formatNumber(items.length), max: formatNumber(listing.limits.per_list) });
  document.getElementById('canned-empty').hidden = items.length > 0;
  list.replaceChildren(...items.map((item) => {
    const li = element('li');
    li.dataset.id = item.id;
    const title = element('h3', { textContent: item.title });
    const text = element('p', { className: 'canned-text', textContent: item.text });
    const meta = element('p', { className: 'queue-meta', textContent: t('canned.changed', { by: item.updated_by === 'demo' ? t('canned.by.demo') : item.updated_by, at: formatDateTime(item.updated_at) }) });
    li.append(title, text, meta);
    if (listing.may_manage) {
      const buttons = element('p', { className: 'canned-buttons' });
      const edit = element('button', { type: 'button', className: 'secondary', textContent: t('canned.edit') });
      edit.setAttribute('aria-label', t('canned.edit.label', { title: item.title }));
      edit.addEventListener('click', () => {
        setMode(item);
        say('');
        form.scrollIntoView({ block: 'start' });
        form.elements.title.focus();
      });
      const remove = element('button', { type: 'button', className: 'link', textContent: t('canned.remove') });
      remove.setAttribute('aria-label', t('canned.remove.label', { title: item.title }));
      remove.addEventListener('click', () => askRemove(item, buttons, remove));
      buttons.append(edit, remove);
      li.append(buttons);
    }
    return li;
  }));
}

async function refresh() {
  const res = await cannedResponses();
  if (!res.ok) {
    say(res.message);
    return;
  }
  listing = res.data;
  setFieldLimits({
    title: { min: listing.limits.title_min, max: listing.limits.title_max },
    text: { min: listing.limits.text_min, max: listing.limits.text_max },
  });
  form.hidden = !listing.may_manage;
  document.getElementById('canned-layout').classList.toggle('readonly', !listing.may_manage);
  document.getElementById('canned-readonly').hidden = listing.may_manage;
  render();
}

async function submit(event) {
  event.preventDefault();
  const body = { title: form.elements.title.value, text: form.elements.text.value };
  save.disabled = true;
  const res = editing ? await changeCannedResponse(editing.id, { ...body, version: editing.version })
    : await addCannedResponse(body);
  save.disabled = false;
  const line = form.querySelector('#canned-error');
  if (res.ok) {
    const done = t(editing ? 'canned.saved' : 'canned.added', { title: res.data.title });
    setMode(null);
    await refresh();
    say(done);
    form.elements.title.focus();
    return;
  }
  if (res.status === 422) {
    showErrors(form, res.errors, null);
    line.textContent = '';
    form.querySelector('[aria-invalid="true"]')?.focus();
    return;
  }
  line.textContent = res.message;
  if (res.status === 404) { setMode(null); await refresh(); }
  if (res.code === 'canned_response_changed') {
    // The newest version is in the list; what was typed stays, and saving again replaces it.
    await refresh();
    editing = listing?.items.find((i) => i.id === editing.id) ?? null;
    formWords();
  }
}

async function main() {
  await startStaffPage();
  document.getElementById('canned-list-heading').tabIndex = -1;
  form.addEventListener('submit', submit);
  cancel.addEventListener('click', () => {
    const id = editing?.id;
    setMode(null);
    list.querySelector(`li[data-id="${id}"] button`)?.focus();
  });
  onLangChange(() => { render(); formWords(); });
  await refresh();
  pageReady();
}

main();
