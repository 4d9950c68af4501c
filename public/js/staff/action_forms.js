// One form per workflow action, built from the fields that action takes. Which actions are
// offered comes from the wasm core's workflow table; what a valid form is, from its
// validate_action.
import { lang, t } from '../i18n.js';

const kFields = {
  forward: ['agency', 'classification', 'category', 'tier', 'flags', 'note'],
  postpone: ['note'],
  archive: ['archive_reason', 'duplicate_of', 'note'],
  assign: ['officer', 'note'],
  respond: ['tier', 'note', 'publish'],
  update: ['note', 'public', 'publish'],
  return: ['note'],
  resolve: ['note', 'publish'],
  privacy: ['flags', 'note'],
  escalate: ['note'],
  comment: ['note'],
};

const kTiers = ['light', 'normative', 'no_investigation', 'investigation'];
const kReasons = ['incomplete', 'not_public_service', 'abusive', 'spam', 'duplicate'];
const kClassifications = ['complaint', 'aspiration', 'info_request'];

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

function select(name, choices, firstText, value = '') {
  const s = element('select', { id: name, name });
  s.setAttribute('aria-describedby', name + '-error');
  if (firstText !== null) s.append(element('option', { value: '', textContent: firstText }));
  for (const [v, text] of choices) s.append(element('option', { value: v, textContent: text }));
  s.value = value;
  return s;
}

function field(name, label, control) {
  return element('div', { className: 'field' },
    element('label', { htmlFor: name, textContent: label }),
    control,
    element('p', { className: 'error', id: name + '-error' }));
}

function noteLabel(action) {
  const specific = `form.note.${action}`;
  const text = t(specific);
  return text === specific ? t('form.note') : text;
}

// `ctx`: {report, agencies, categories, officers, core, role}.
export function buildActionForm(action, ctx) {
  const form = element('form', { className: 'action-form', noValidate: true });
  form.dataset.action = action;
  form.append(element('h3', { textContent: t('verb.' + action) }));
  const r = ctx.report;
  // `ctx.fields`: a narrower set (a bulk action's form leaves out per-report choices).
  for (const name of ctx.fields ?? kFields[action] ?? ['note']) {
    switch (name) {
      case 'agency':
        form.append(field('agency', t('form.agency'), select('agency',
          ctx.agencies.map((a) => [a.code, a.name]), t('form.agency.choose'),
          r.agency?.code ?? ctx.categories.find((c) => c.code === r.category?.code)?.agency ?? '')));
        break;
      case 'classification':
        form.append(field('classification', t('form.classification'), select('classification',
          kClassifications.map((c) => [c, t('classification.' + c)]), t('form.keep'))));
        break;
      case 'category':
        form.append(field('category', t('form.category'), select('category',
          ctx.categories.map((c) => [c.code, lang() === 'en' ? c.name_en || c.name : c.name]), t('form.keep'))));
        break;
      case 'tier':
        form.append(field('tier', t('form.tier'), select('tier',
          kTiers.map((v) => [v, t('tier.' + v)]), null, r.tier ?? 'normative')));
        break;
      case 'flags':
        // A flag the core says this role may not turn off (staff may hide more, never less)
        // stays as it is, and says who can change it.
        for (const flag of ['anonymous', 'confidential']) {
          const locked = !!r[flag] && (ctx.core?.privacyChangeErrors(ctx.role, !!r.anonymous,
            !!r.confidential, { [flag]: false }) ?? []).some((e) => e.code === 'needs_reporter');
          const box = element('input', { type: 'checkbox', name: flag, checked: !!r[flag], disabled: locked });
          const label = element('label', { className: 'check' }, box, ' ', t('form.' + flag));
          if (locked) label.append(element('span', { className: 'hint', textContent: ' ' + t('form.flag.locked') }));
          form.append(label);
        }
        break;
      case 'publish':
        // Deliberate, and pointless for a confidential report: off, and said what it does.
        if (r.confidential) break;
        form.append(element('label', { className: 'check publish' },
          element('input', { type: 'checkbox', name: 'publish' }), ' ',
          element('span', {}, element('strong', { textContent: t('form.publish') }), ' ',
            element('span', { className: 'hint', textContent: t('form.publish.hint') }))));
        break;
      case 'officer':
        form.append(field('officer', t('form.officer'), select('officer',
          ctx.officers.map((o) => [o.username, o.display_name]), t('form.officer.choose'))));
        break;
      case 'archive_reason':
        form.append(field('archive_reason', t('form.archive_reason'), select('archive_reason',
          kReasons.map((v) => [v, t('reason.' + v)]), t('form.archive_reason.choose'))));
        break;
      case 'duplicate_of': {
        const input = element('input', { id: 'duplicate_of', name: 'duplicate_of', type: 'text', autocomplete: 'off' });
        input.setAttribute('aria-describedby', 'duplicate_of-error');
        form.append(field('duplicate_of', t('form.duplicate_of'), input));
        break;
      }
      case 'public':
        form.append(element('label', { className: 'check' },
          element('input', { type: 'checkbox', name: 'public' }), ' ', t('form.public')));
        break;
      case 'note': {
        const area = element('textarea', { id: 'note', name: 'note', rows: 4 });
        area.setAttribute('aria-describedby', 'note-error');
        form.append(field('note', noteLabel(action), area));
        break;
      }
      default: break;
    }
  }
  form.append(element('p', { className: 'error summary', id: 'action-error', role: 'alert' }));
  form.append(element('p', { className: 'actions' },
    element('button', { type: 'submit', className: 'primary', textContent: t('form.submit') }),
    element('button', { type: 'button', className: 'link', textContent: t('form.cancel'), value: 'cancel' })));
  return form;
}

// The JSON body of an action form (without the version).
export function readActionForm(form) {
  const body = { action: form.dataset.action };
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') {
      if (el.disabled) continue;  // a flag staff may not change: leave it as it is
      body[el.name] = el.checked;
    } else if (el.value !== '') {
      body[el.name] = el.value;
    }
  }
  return body;
}
