// The canned-response picker in an action's form: choose a text of the list (the agency's,
// or the coordinators' own), "Sisipkan" puts it into the note at the cursor, and the note
// stays an ordinary text field to edit before sending. A select and a button, so that it
// works from the keyboard and reads out with a screen reader; what was inserted is said in a
// status line.
import { t } from '../i18n.js';

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

// Puts `text` into `area` at the cursor (replacing a selection); after text already there,
// at the end, it starts a new paragraph. The cursor ends after the inserted text.
export function insertAtCursor(area, text) {
  const value = area.value;
  let start = area.selectionStart ?? value.length;
  let end = area.selectionEnd ?? value.length;
  if (start > value.length) start = end = value.length;
  let insert = text;
  if (start === value.length && start === end && value.trim() !== '') {
    insert = (value.endsWith('\n\n') ? '' : value.endsWith('\n') ? '\n' : '\n\n') + text;
  }
  area.value = value.slice(0, start) + insert + value.slice(end);
  const cursor = start + insert.length;
  area.setSelectionRange(cursor, cursor);
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

// `listing`: the answer of GET /api/v1/staff/canned-responses. Adds the picker above the
// form's note, when the form has one and there is a list to pick from or to keep.
export function addCannedPicker(form, listing) {
  const area = form.querySelector('textarea[name="note"]');
  if (!area || !listing) return;
  const items = listing.items ?? [];
  if (!items.length && !listing.may_manage) return;
  const box = element('div', { className: 'canned-picker' });
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', t('canned.pick.group'));
  const manage = element('a', { href: '/staff/canned.html', textContent: t(listing.may_manage ? 'canned.pick.manage' : 'canned.pick.see') });
  if (!items.length) {
    box.append(element('p', { className: 'hint', textContent: t('canned.pick.none') + ' ' }, manage));
    area.closest('.field').before(box);
    return;
  }
  const select = element('select', { id: 'canned-pick' });
  select.append(element('option', { value: '', textContent: t('canned.pick.choose') }),
    ...items.map((c) => element('option', { value: String(c.id), textContent: c.title })));
  select.setAttribute('aria-describedby', 'canned-preview');
  const button = element('button', { type: 'button', className: 'secondary', id: 'canned-insert', textContent: t('canned.pick.insert') });
  const preview = element('p', { className: 'hint canned-preview', id: 'canned-preview' });
  const said = element('p', { className: 'hint', id: 'canned-said' });
  said.setAttribute('role', 'status');
  const chosen = () => items.find((c) => String(c.id) === select.value);
  select.addEventListener('change', () => {
    const c = chosen();
    preview.textContent = c ? (c.text.length > 200 ? c.text.slice(0, 200) + '…' : c.text) : '';
    said.textContent = '';
  });
  button.addEventListener('click', () => {
    const c = chosen();
    if (!c) {
      said.textContent = t('canned.pick.first');
      select.focus();
      return;
    }
    insertAtCursor(area, c.text);
    said.textContent = t('canned.pick.inserted', { title: c.title });
    area.focus();
  });
  box.append(
    element('div', { className: 'field' }, element('label', { htmlFor: 'canned-pick', textContent: t('canned.pick.label') }), select),
    button, manage, preview, said);
  area.closest('.field').before(box);
}
