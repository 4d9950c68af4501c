// "My reports": the tracking IDs (and PINs) of the reports sent from this phone, kept on the
// phone only, with no account. The citizen can remove any of them.
const kKey = 'aduan.mine';

export function myReports() {
  try {
    const list = JSON.parse(localStorage.getItem(kKey) ?? '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function save(list) {
  try { localStorage.setItem(kKey, JSON.stringify(list)); } catch { /* full or blocked */ }
}

// `entry`: {tracking_id, pin, title, sent_at}; the newest first, each report once.
export function rememberReport(entry) {
  save([entry, ...myReports().filter((r) => r.tracking_id !== entry.tracking_id)]);
}

// Keeps the last status seen, shown when the phone is offline.
export function noteStatus(trackingId, status) {
  save(myReports().map((r) => (r.tracking_id === trackingId ? { ...r, status } : r)));
}

export function forgetReport(trackingId) {
  save(myReports().filter((r) => r.tracking_id !== trackingId));
}
