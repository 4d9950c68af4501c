// While a citizen writes, the open reports with the same substance (the server's search,
// scored by the core's matching rules) are offered beside the form; following one counts the
// citizen in and, with a contact, sends them its updates, instead of filing the same again.
import { followReport, similarReports } from './api.js';
import { lang, t } from './i18n.js';

const kDelayMs = 700;  // after the last keystroke

let timer = 0;
let inFlight = null;
let lastQuery = '';

function draftOf(form) {
  const value = (name) => form.elements[name]?.value.trim() ?? '';
  return { title: value('title'), body: value('body'), category: value('category'), agency: value('agency') };
}

function followForm(item, li) {
  const box = document.createElement('form');
  box.className = 'follow-form';
  box.noValidate = true;
  const fieldId = 'follow-contact-' + item.tracking_id;
  const label = Object.assign(document.createElement('label'), { htmlFor: fieldId, textContent: t('similar.contact') });
  const input = Object.assign(document.createElement('input'), { id: fieldId, name: 'contact', type: 'text', autocomplete: 'tel' });
  const error = Object.assign(document.createElement('p'), { className: 'error', id: fieldId + '-error' });
  input.setAttribute('aria-describedby', error.id);
  const send = Object.assign(document.createElement('button'), { type: 'submit', className: 'primary', textContent: t('similar.follow.confirm') });
  box.append(label, input, error, send);
  box.addEventListener('submit', async (event) => {
    event.preventDefault();
    const contact = input.value.trim();
    const body = { language: lang() };
    if (contact.includes('@')) body.email = contact; else if (contact) body.phone = contact;
    send.disabled = true;
    const res = await followReport(item.tracking_id, body);
    send.disabled = false;
    if (!res.ok) {
      error.textContent = res.status === 422 ? t('similar.contact.invalid')
        : res.status === 0 ? t('submit.network') : res.message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    const done = document.createElement('p');
    done.className = 'notice';
    done.setAttribute('role', 'status');
    done.append(t('similar.followed', { id: item.tracking_id, n: res.data.followers }) + ' ');
    done.append(Object.assign(document.createElement('a'), { href: '/track.html?id=' + encodeURIComponent(item.tracking_id), textContent: t('similar.track') }));
    box.replaceWith(done);
    done.tabIndex = -1;
    done.focus();
  });
  li.append(box);
  input.focus();
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

// Watches the form's title, body, category and agency; `core` is the wasm core or null.
export function watchSimilar(form, core) {
  const schedule = (event) => {
    if (!['title', 'body', 'category', 'agency'].includes(event.target.name)) return;
    clearTimeout(timer);
    timer = setTimeout(() => search(form, core), kDelayMs);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  search(form, core);  // a restored draft
}
