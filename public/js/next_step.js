// The card at the top of a tracked report while the report waits for its reporter: what is
// asked, by when, and what happens otherwise. The date and the consequence come from the
// server's citizen_step (the core's working-day calendar); nothing here counts days. With the
// PIN the reporter acts in one tap, and confirming rates in the same step; without it the
// card speaks of "the reporter", never to the reader.
import { addMessages, formatDate, t } from './i18n.js';

addMessages({
  id: {
    'step.confirm.title': 'Apakah masalah Anda sudah selesai?',
    'step.confirm.ask': 'Instansi menyatakan tindak lanjutnya selesai.',
    'step.confirm.otherwise': 'Jawab paling lambat {date}. Jika tidak ada jawaban, laporan ditutup otomatis sesudah tanggal itu dan dianggap selesai.',
    'step.confirm.yes': 'Ya, sudah selesai',
    'step.confirm.no': 'Belum selesai',
    'step.stars': 'Nilai tindak lanjut (tidak wajib)',
    'step.star': '{n} dari 5 bintang',
    'step.answer.title': 'Petugas menunggu keterangan Anda',
    'step.answer.otherwise': 'Jawab paling lambat {date}. Jika belum dijawab, koordinator dapat mengarsipkan laporan karena tidak lengkap.',
    'step.answer.button': 'Jawab pertanyaan',
    'step.question': 'Pertanyaan petugas',
    'step.public.confirm.title': 'Menunggu konfirmasi pelapor',
    'step.public.confirm.ask': 'Instansi menyatakan tindak lanjutnya selesai. Pelapor dapat mengonfirmasi atau membuka kembali laporan paling lambat {date}; jika tidak, laporan ditutup otomatis sesudah tanggal itu.',
    'step.public.answer.title': 'Menunggu keterangan pelapor',
    'step.public.answer.ask': 'Pelapor diminta memberi keterangan paling lambat {date}.',
    'step.public.pin': 'Anda pelapornya? Buka dengan PIN',
    'step.above': 'Yang perlu Anda lakukan ada di kotak di bagian atas halaman.',
  },
  en: {
    'step.confirm.title': 'Is your problem solved?',
    'step.confirm.ask': 'The agency says its follow-up is complete.',
    'step.confirm.otherwise': 'Please answer by {date}. Without an answer, the report closes by itself after that day as resolved.',
    'step.confirm.yes': 'Yes, it is solved',
    'step.confirm.no': 'Not solved',
    'step.stars': 'Rate the follow-up (optional)',
    'step.star': '{n} of 5 stars',
    'step.answer.title': 'The staff are waiting for your answer',
    'step.answer.otherwise': 'Please answer by {date}. Without an answer, the coordinator may archive the report as incomplete.',
    'step.answer.button': 'Answer the question',
    'step.question': 'The staff\'s question',
    'step.public.confirm.title': 'Waiting for the reporter\'s confirmation',
    'step.public.confirm.ask': 'The agency says its follow-up is complete. The reporter may confirm it or reopen the report until {date}; otherwise it closes by itself after that day.',
    'step.public.answer.title': 'Waiting for the reporter\'s information',
    'step.public.answer.ask': 'The reporter is asked for more information by {date}.',
    'step.public.pin': 'Are you the reporter? Open with your PIN',
    'step.above': 'What you need to do is in the box at the top of the page.',
  },
});

const card = document.getElementById('next-step');

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

// The workflow actions the card offers for a step, so the list below it need not repeat them.
export function cardActions(step) {
  if (!step) return [];
  return step.action === 'confirm' ? ['confirm', 'reopen'] : [step.action];
}

// Five stars as one radio group: a tap on the fourth gives 4, and the ones before it light up.
// A comment on the rating is offered once a star is chosen.
function stars(comment) {
  const set = element('fieldset', { className: 'stars' }, element('legend', { textContent: t('step.stars') }));
  const row = element('div', { className: 'star-row' });
  const light = (score) => {
    for (const label of row.children) label.classList.toggle('on', Number(label.dataset.score) <= score);
    comment.hidden = false;
  };
  for (let score = 1; score <= 5; ++score) {
    const input = element('input', { type: 'radio', name: 'rating', value: String(score), id: `step-star-${score}` });
    input.addEventListener('change', () => light(score));
    const star = element('span', { className: 'star', textContent: '★' });
    star.setAttribute('aria-hidden', 'true');
    const label = element('label', { htmlFor: input.id }, input, star,
      element('span', { className: 'visually-hidden', textContent: t('step.star', { n: score }) }));
    label.dataset.score = String(score);
    row.append(label);
  }
  set.append(row, element('p', { className: 'error', id: 'step-rating-error' }));
  return set;
}

// The resolved report's question to its reporter, with the rating inline.
function confirmCard(reporter, date) {
  const form = element('form', { className: 'step-form', noValidate: true });
  form.dataset.action = 'confirm';
  form.dataset.prefix = 'step-';
  const no = element('button', { type: 'button', className: 'secondary', textContent: t('step.confirm.no') });
  const slot = element('div');
  no.addEventListener('click', () => reporter.openForm('reopen', slot));
  const box = element('textarea', { id: 'step-note', name: 'note', rows: 2 });
  box.setAttribute('aria-describedby', 'step-note-error');
  const comment = element('div', { className: 'field', hidden: true },
    element('label', { htmlFor: 'step-note', textContent: t('citizen.rating.comment') }), box,
    element('p', { className: 'error', id: 'step-note-error' }));
  form.append(stars(comment), comment,
    element('p', { className: 'error summary', id: 'step-error', role: 'alert' }),
    element('p', { className: 'action-buttons' },
      element('button', { type: 'submit', className: 'primary', textContent: t('step.confirm.yes') }), no));
  form.addEventListener('submit', (event) => reporter.send(event, form));
  return [element('p', {}, t('step.confirm.ask'), ' ',
    element('strong', { textContent: t('step.confirm.otherwise', { date }) })), form, slot];
}

// The postponed report's question, its deadline, and the answer in one tap.
function answerCard(step, reporter, date) {
  const out = [];
  if (step.question) {
    out.push(element('p', { className: 'step-question-label', textContent: t('step.question') }),
      element('blockquote', { className: 'step-question', textContent: step.question }));
  }
  const slot = element('div');
  const answer = element('button', { type: 'button', className: 'primary', textContent: t('step.answer.button') });
  answer.addEventListener('click', () => reporter.openForm('answer', slot));
  out.push(element('p', {}, element('strong', { textContent: t('step.answer.otherwise', { date }) })),
    element('p', { className: 'action-buttons' }, answer), slot);
  return out;
}

// For anyone without the PIN: what the report waits for, about the reporter.
function publicCard(step, date) {
  const open = element('button', { type: 'button', className: 'link', textContent: t('step.public.pin') });
  open.addEventListener('click', () => document.getElementById('pin-input')?.focus());
  return [element('p', { textContent: t(`step.public.${step.action}.ask`, { date }) }), element('p', {}, open)];
}

// Shows the card for `report.citizen_step`, or hides it. `reporter`: null without the PIN;
// else { send(event, form), openForm(action, where) } from the reporter's actions.
export function renderNextStep(report, reporter) {
  const step = report?.citizen_step;
  card.hidden = !step;
  if (!step) {
    card.replaceChildren();
    return;
  }
  const date = formatDate(step.due);
  const title = reporter ? t(`step.${step.action}.title`) : t(`step.public.${step.action}.title`);
  const heading = element('h2', { id: 'next-step-title', textContent: title });
  let body;
  if (!reporter) body = publicCard(step, date);
  else body = step.action === 'confirm' ? confirmCard(reporter, date) : answerCard(step, reporter, date);
  card.dataset.action = step.action;
  card.classList.toggle('public', !reporter);  // lighter: the reader has nothing to do
  card.replaceChildren(heading, ...body);
}
