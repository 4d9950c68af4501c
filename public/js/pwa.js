// What every citizen page does for the phone: registers the service worker (the app opens
// offline) and sends the reports waiting in the outbox when the connection returns,
// telling the citizen which went out.
import { nextAttempt, sendWaiting } from './outbox.js';
import { t } from './i18n.js';

export function registerServiceWorker() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* the page works without */ });
  }
}

// `onSent(result, item)` after each waiting report goes out; the page's notice line
// (#outbox-status, a polite live region) says so too, with the tracking ID and PIN. A report
// held back by the server's limit is tried again when its wait is over, for as long as a
// citizen page is open; otherwise at the next page that opens.
export function startOutbox(onSent) {
  const line = document.getElementById('outbox-status');
  let timer = 0;
  // `force`: try reports whose wait is not over too (the citizen asked).
  const flush = async ({ force = false } = {}) => {
    await sendWaiting((result, item) => {
      if (line) {
        line.hidden = false;
        line.textContent = t('outbox.sent.pin', {
          title: item.report.title, id: result.tracking_id, pin: result.pin ?? '',
        });
      }
      onSent?.(result, item);
    }, force);
    clearTimeout(timer);
    const next = await nextAttempt();
    // Timers beyond about 24 days overflow; a page is not open that long.
    if (next !== null) timer = setTimeout(flush, Math.min(Math.max(next - Date.now(), 0) + 500, 2 ** 31 - 1));
  };
  window.addEventListener('online', () => flush());
  if (navigator.onLine) flush();
  return flush;
}
