// What every citizen page does for the phone: registers the service worker (the app opens
// offline) and sends the reports waiting in the outbox when the connection returns,
// telling the citizen which went out.
import { sendWaiting } from './outbox.js';
import { t } from './i18n.js';

export function registerServiceWorker() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* the page works without */ });
  }
}

// `onSent(result, item)` after each waiting report goes out; the page's notice line
// (#outbox-status, a polite live region) says so too.
export function startOutbox(onSent) {
  const line = document.getElementById('outbox-status');
  const flush = () => sendWaiting((result, item) => {
    if (line) {
      line.hidden = false;
      line.textContent = t('outbox.sent', { title: item.report.title, id: result.tracking_id });
    }
    onSent?.(result, item);
  });
  window.addEventListener('online', flush);
  if (navigator.onLine) flush();
  return flush;
}
