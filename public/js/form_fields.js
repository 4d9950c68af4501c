// Reading the report form into the JSON body of POST /api/v1/reports, and showing
// validation codes next to the fields they belong to.
import { fieldMessage } from './i18n.js';

// "location.text" -> "location-text": the id of the field's input and of its error line.
export const fieldId = (field) => field.replace(/\./g, '-');

export function readForm(form, position) {
  const value = (name) => form.elements[name]?.value ?? '';
  const report = {
    classification: form.elements.classification.value,
    title: value('title'),
    body: value('body'),
    incident_date: value('incident_date'),
    location: { text: value('location.text'), region_code: value('location.region_code') },
    category: value('category'),
    agency: value('agency'),
    reporter: {
      name: value('reporter.name'),
      phone: value('reporter.phone'),
      email: value('reporter.email'),
      nik: value('reporter.nik'),
    },
    // Both asked up front as a choice between two plain answers (index.html).
    anonymous: form.elements.identity.value === 'anonymous',
    confidential: form.elements.visibility.value !== 'public',
  };
  if (position) {
    report.location.lat = position.lat;
    report.location.lon = position.lon;
  }
  return report;
}

// Shows `errors` ({field, code}) for the fields in `visible` (all when null); clears the rest.
export function showErrors(form, errors, visible) {
  const byField = new Map();
  for (const e of errors) if (!byField.has(e.field)) byField.set(e.field, e.code);
  for (const line of form.querySelectorAll('p.error[id$="-error"]')) {
    const field = line.closest('[data-field]');
    const name = line.id.slice(0, -'-error'.length);
    const key = [...byField.keys()].find((f) => fieldId(f) === name);
    const show = key && (!visible || visible.has(key));
    line.textContent = show ? fieldMessage(key, byField.get(key)) : '';
    const input = document.getElementById(name) ?? field?.querySelector('input');
    if (input && input.id === name) input.setAttribute('aria-invalid', show ? 'true' : 'false');
  }
}

// Fills every named control from a saved draft (the shape readForm returns).
export function fillForm(form, report) {
  const set = (name, v) => { if (form.elements[name] && v != null) form.elements[name].value = v; };
  for (const radio of form.querySelectorAll('input[name="classification"]')) {
    radio.checked = radio.value === report.classification;
  }
  set('title', report.title);
  set('body', report.body);
  set('incident_date', report.incident_date);
  set('location.text', report.location?.text);
  set('location.region_code', report.location?.region_code);
  set('category', report.category);
  set('agency', report.agency);
  for (const k of ['name', 'phone', 'email', 'nik']) set('reporter.' + k, report.reporter?.[k]);
  const choose = (name, value) => {
    for (const radio of form.querySelectorAll(`input[name="${name}"]`)) radio.checked = radio.value === value;
  };
  choose('identity', report.anonymous ? 'anonymous' : 'shown');
  choose('visibility', report.confidential === false ? 'public' : 'confidential');
}
