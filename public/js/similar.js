// While a citizen writes, the open reports with the same substance (the server's search,
// scored by the core's matching rules) are offered beside the form; following one counts the
// citizen in and, with a contact, sends them its updates, instead of filing the same again.
import { confirmFollow, followReport, similarReports } from './api.js';
import { lang, t } from './i18n.js';

const kDelayMs = 700;  // after the last keystroke

let timer = 0;
let inFlight = null;
let lastQuery = '';

function draftOf(form) {
  const value = (name) => form.elements[name]?.value.trim() ?? '';
  // The region lets the server know the villages of the reporter's regency as places.
  return {
    title: value('title'), body: value('body'), category: value('category'), agency: value('agency'),
    region: value('location.region_code'),
  };
}

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

// A small form: a labelled input, its error line and a submit button.
function smallForm(id, labelText, inputProps, buttonText) {
  const box = element('form', { className: 'follow-form', noValidate: true });
  const input = element('input', { id, ...inputProps });
  const error = element('p', { className: 'error', id: id + '-error' });
  input.setAttribute('aria-describedby', error.id);
  const send = element('button', { type: 'submit', className: 'primary', textContent: buttonText });
  box.append(element('label', { htmlFor: id, textContent: labelText }), input, error, send);
  return { box, input, error, send };
}

function showError(f, text) {
  f.error.textContent = text;
  f.input.setAttribute('aria-invalid', 'true');
  f.input.focus();
}

function followed(item, followers, replaced) {
  const done = element('p', { className: 'notice' });
  done.setAttribute('role', 'status');
  done.append(t('similar.followed', { id: item.tracking_id, n: followers }) + ' ');
  done.append(element('a', { href: '/track.html?id=' + encodeURIComponent(item.tracking_id), textContent: t('similar.track') }));
  replaced.replaceWith(done);
  done.tabIndex = -1;
  done.focus();
}

// A contact gets updates only once it proves to be the citizen's: the code sent there.
function codeForm(item, contact, replaced) {
  const f = smallForm('follow-code-' + item.tracking_id, t('similar.code', { contact: contact.email ?? contact.phone }),
    { name: 'code', type: 'text', inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6 }, t('similar.code.confirm'));
  f.box.addEventListener('submit', async (event) => {
    event.preventDefault();
    f.send.disabled = true;
    const res = await confirmFollow(item.tracking_id, { ...contact, code: f.input.value.replace(/\D/g, '') });
    f.send.disabled = false;
    if (res.ok) return followed(item, res.data.followers, f.box);
    showError(f, res.code === 'wrong_code' ? t('similar.code.wrong')
      : res.status === 0 ? t('submit.network') : res.message);
  });
  replaced.replaceWith(f.box);
  f.input.focus();
}

function followForm(item, li) {
  const f = smallForm('follow-contact-' + item.tracking_id, t('similar.contact'),
    { name: 'contact', type: 'text', autocomplete: 'tel' }, t('similar.follow.confirm'));
  f.box.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = f.input.value.trim();
    const contact = {};
    if (value.includes('@')) contact.email = value; else if (value) contact.phone = value;
    f.send.disabled = true;
    const res = await followReport(item.tracking_id, { language: lang(), ...contact });
    f.send.disabled = false;
    if (res.status === 202) return codeForm(item, contact, f.box);
    if (res.ok) return followed(item, res.data.followers, f.box);
    showError(f, res.code === 'contact_unreachable' ? t('similar.contact.unreachable')
      : res.status === 422 ? t('similar.contact.invalid')
        : res.status === 0 ? t('submit.network') : res.message);
  });
  li.append(f.box);
  f.input.focus();
}

function render(items) {
  const aside = document.getElementById('similar');
  aside.hidden = items.length === 0;
  document.getElementById('similar-status').textContent = items.length ? t('similar.found', { n: items.length }) : '';
  document.getElementById('similar-list').replaceChildren(...items.map((item) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('p'), { className: 'similar-title', textContent: item.title }));
    const meta = [item.tracking_id, t('status.' + item.status)];
    if (item.followers) meta.push(t('similar.followers', { n: item.followers }));
    li.append(Object.assign(document.createElement('p'), { className: 'queue-meta', textContent: meta.join(' · ') }));
    const b = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: t('similar.follow') });
    b.setAttribute('aria-label', t('similar.follow.label', { title: item.title }));
    b.addEventListener('click', () => { b.remove(); followForm(item, li); });
    li.append(b);
    return li;
  }));
}

// A title and body long enough for the core to accept them say enough to compare; without
// the core, anything written does.
function longEnough(core, draft) {
  if (!core) return draft.title !== '' && draft.body !== '';
  const limits = core.limits();
  return core.countCharacters(draft.title) >= limits.title.min
    && core.countCharacters(draft.body) >= limits.body.min;
}

async function search(form, core) {
  const draft = draftOf(form);
  if (!longEnough(core, draft) || !(draft.category || draft.agency)) {
    render([]);
    return;
  }
  const key = JSON.stringify(draft);
  if (key === lastQuery) return;
  lastQuery = key;
  inFlight?.abort();
  inFlight = new AbortController();
  const res = await similarReports(draft, inFlight.signal);
  if (res.ok) render(res.data.items);  // a failed search just offers nothing
}

// Watches the form's title, body, category, agency and region pickers; `core` is the wasm
// core or null.
export function watchSimilar(form, core) {
  const schedule = (event) => {
    const watched = ['title', 'body', 'category', 'agency'].includes(event.target.name)
      || event.target.id?.startsWith('region-');
    if (!watched) return;
    clearTimeout(timer);
    timer = setTimeout(() => search(form, core), kDelayMs);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  search(form, core);  // a restored draft
}
