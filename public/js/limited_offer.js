// The submission page when the server's limit answers 429: the wait in words, and the offer
// to keep the report on the phone and send it by itself once the wait is over (outbox.js).
// Behind a carrier's shared address the limit may be others' doing, so the words do not
// blame the citizen.
import { addMessages, locale, onLangChange, t } from './i18n.js';
import { waitText } from './server_errors.js';

addMessages({
  id: {
    'limited.heading': 'Terlalu banyak laporan dari sambungan ini',
    'limited.intro': 'Server sedang membatasi laporan dari sambungan internet ini, yang mungkin dipakai bersama banyak orang. Coba lagi dalam {wait}. Boleh kami simpan laporan ini di HP dan kirim otomatis setelah itu? Anda dapat melihat atau membatalkannya di “Laporan saya”.',
    'limited.keep': 'Ya, simpan dan kirim otomatis',
    'queued.limited': 'Laporan akan dikirim otomatis sekitar pukul {time} (dalam {wait}) bila halaman aduan terbuka, atau saat Anda membukanya lagi. Nomor pelacakan dan PIN muncul di sini dan di “Laporan saya” setelah terkirim.',
  },
  en: {
    'limited.heading': 'Too many reports from this connection',
    'limited.intro': 'The server is limiting reports from this internet connection, which many people may share. Try again in {wait}. May we keep this report on the phone and send it by itself after that? You can see or cancel it in “My reports”.',
    'limited.keep': 'Yes, keep it and send it by itself',
    'queued.limited': 'The report will be sent by itself at about {time} (in {wait}) while an aduan page is open, or when you open one again. The tracking number and PIN appear here and in “My reports” once it is sent.',
  },
});

const offer = document.getElementById('limited-offer');
let until = 0;  // ms since the epoch: when the server allows the next try

export const clockTime = (ms) =>
  new Date(ms).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
const remaining = () => Math.max((until - Date.now()) / 1000, 1);

function render() {
  document.getElementById('limited-intro').textContent = t('limited.intro', { wait: waitText(remaining()) });
  const queued = document.getElementById('queued-limited');
  if (!queued.hidden) queued.textContent = t('queued.limited', { time: clockTime(until), wait: waitText(remaining()) });
}
onLangChange(() => { if (until) render(); });

// Shows the offer for a 429 that asked to wait `seconds`.
export function offerLater(seconds) {
  until = Date.now() + Math.max(seconds, 1) * 1000;
  render();
  offer.hidden = false;
  document.getElementById('limited-heading').focus();
  // Focus alone scrolls only the heading into view; the choice is the buttons below it.
  offer.scrollIntoView({ block: 'nearest' });
}

export function hideOffer() { offer.hidden = true; }

// When the report the citizen agreed to keep may be sent (ms since the epoch).
export const notBefore = () => until;

// The queued view says when the report will go, instead of "when the connection returns".
export function describeQueued() {
  document.getElementById('queued-intro').hidden = true;
  document.getElementById('queued-limited').hidden = false;
  render();
}
