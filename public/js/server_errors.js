// The words for every error code the server can send, in Bahasa Indonesia and English, so
// that no page shows the server's English `message`. api.js puts serverMessage() in every
// failed request's `message`; tests/error_catalogue.test.mjs fails when the server gains a
// code (tools/server_error_codes.mjs lists them from its source) that has no words here.
import { addMessages, t } from './i18n.js';

export const kServerErrors = {
  id: {
    action_not_allowed: 'Tindakan ini tidak dapat dilakukan pada status laporan sekarang.',
    agency_not_found: 'Instansi ini tidak ada, atau pengaturannya bukan wewenang Anda.',
    anonymous_needs_consent: 'Laporan ini anonim: tautkan hanya bila Anda memilihnya.',
    api_key_not_found: 'Kunci API ini tidak ada atau sudah dicabut.',
    attachment_not_found: 'Lampiran ini tidak ada.',
    attachment_rejected: 'Berkas ini bukan foto (JPEG, PNG) atau PDF yang dapat dibaca.',
    bad_check_character: 'Nomor pelacakan ini salah ketik. Periksa setiap karakter.',
    bad_idempotency_key: 'Permintaan tidak dapat dibaca (kunci pengiriman tidak valid). Muat ulang halaman.',
    bad_offset: 'Pengiriman berkas terputus. Coba lagi.',
    bad_period: 'Periode tidak valid: tanggal awal harus sebelum tanggal akhir.',
    bad_request: 'Permintaan tidak dapat dibaca.',
    bad_signature: 'Tanda tangan permintaan tidak cocok.',
    bad_status: 'Status yang diminta tidak dikenal.',
    canned_response_changed: 'Jawaban siap pakai ini baru saja diubah orang lain. Periksa versi terbarunya lalu ubah lagi.',
    canned_response_not_found: 'Jawaban siap pakai ini tidak ada di daftar Anda (mungkin sudah dihapus).',
    canned_responses_full: 'Daftar sudah berisi 100 jawaban siap pakai. Hapus satu sebelum menambah.',
    contact_unreachable: 'Kode tidak dapat dikirim ke kontak ini. Periksa nomor HP atau email.',
    csrf_failed: 'Sesi halaman ini sudah usang. Muat ulang halaman lalu coba lagi.',
    device_signed_out: 'HP ini tidak lagi masuk ke Laporan saya. Masuk lagi dengan kode.',
    forbidden: 'Peran Anda tidak diizinkan melakukan ini.',
    holiday_not_found: 'Tidak ada hari libur pada tanggal itu.',
    holiday_year_empty: 'Belum ada hari libur untuk tahun itu.',
    idempotency_key_reused: 'Laporan ini berbeda dari yang sudah dikirim dengan kunci yang sama. Muat ulang halaman lalu kirim lagi.',
    internal: 'Terjadi kesalahan di server; tidak ada yang tersimpan. Coba lagi.',
    invalid_credentials: 'Nama pengguna atau kata sandi salah.',
    invalid_position: 'Posisi tidak valid: lintang dari -90 sampai 90, bujur dari -180 sampai 180.',
    invalid_tracking_id: 'Nomor pelacakan terdiri dari 9 huruf dan angka, contoh K7M-2QX-9PA.',
    malformed_json: 'Permintaan tidak dapat dibaca. Muat ulang halaman lalu coba lagi.',
    method_not_allowed: 'Permintaan ini tidak diizinkan di sini.',
    not_found: 'Halaman atau data ini tidak ada.',
    not_a_bulk_action: 'Hanya disposisi, penugasan dan pengarsipan yang dapat dilakukan untuk beberapa laporan sekaligus.',
    notification_not_found: 'Notifikasi ini tidak ada.',
    offset_mismatch: 'Pengiriman berkas dilanjutkan dari bagian yang sudah diterima.',
    payload_too_large: 'Kiriman terlalu besar.',
    range_not_satisfiable: 'Bagian berkas yang diminta tidak tersedia.',
    rate_limited: 'Terlalu banyak permintaan dari sambungan ini.',
    region_not_found: 'Wilayah ini tidak dikenal.',
    replayed_request: 'Permintaan ini sudah pernah diterima.',
    report_finished: 'Laporan ini sudah selesai dan tidak dapat diikuti lagi.',
    report_not_found: 'Tidak ada laporan dengan nomor ini.',
    report_not_linked: 'Laporan ini tidak tertaut ke kontak yang dipakai HP ini. Buka dengan PIN.',
    request_failed: 'Permintaan gagal.',
    stale_timestamp: 'Waktu permintaan terlalu lama atau di masa depan.',
    stale_version: 'Laporan sudah berubah sejak Anda membukanya. Muat ulang lalu coba lagi.',
    storage_busy: 'Server sedang sibuk; tidak ada yang tersimpan.',
    storage_full: 'Penyimpanan server penuh; tidak ada yang tersimpan.',
    storage_read_only: 'Server sedang tidak dapat menyimpan; tidak ada yang tersimpan.',
    storage_unavailable: 'Penyimpanan server tidak tersedia; tidak ada yang tersimpan.',
    term_link_not_found: 'Pasangan kata ini tidak ada di daftar yang dipelajari.',
    too_large: 'Berkas terlalu besar.',
    unauthenticated: 'Silakan masuk untuk melanjutkan.',
    unknown_action: 'Tindakan ini tidak dikenal.',
    unknown_status: 'Status ini tidak dikenal.',
    unsupported_media_type: 'Jenis kiriman tidak didukung.',
    upload_not_found: 'Berkas yang dikirim sudah kedaluwarsa. Pilih lagi.',
    uri_too_long: 'Alamat terlalu panjang.',
    validation_failed: 'Ada isian yang belum benar.',
    view_not_found: 'Tampilan tersimpan ini tidak ada lagi.',
    wrong_code: 'Kode salah atau sudah kedaluwarsa.',
    wrong_pin: 'PIN salah, atau tidak ada laporan dengan nomor ini.',
    // Not the server's: the page's own for a request that got no answer, or an unknown code.
    network: 'Tidak ada sambungan ke server. Coba lagi.',
    unknown: 'Permintaan gagal (kode {status}).',
  },
  en: {
    action_not_allowed: 'This action is not possible for the report in its current status.',
    agency_not_found: 'This agency does not exist, or its settings are not yours to change.',
    anonymous_needs_consent: 'This report is anonymous: link it only if you choose so.',
    api_key_not_found: 'This API key does not exist or was revoked.',
    attachment_not_found: 'This attachment does not exist.',
    attachment_rejected: 'This file is not a photo (JPEG, PNG) or a readable PDF.',
    bad_check_character: 'This tracking number has a typing error. Check each character.',
    bad_idempotency_key: 'The request could not be read (invalid sending key). Reload the page.',
    bad_offset: 'The file upload was interrupted. Try again.',
    bad_period: 'Not a valid period: the start date must come before the end date.',
    bad_request: 'The request could not be read.',
    bad_signature: 'The request signature does not match.',
    bad_status: 'Unknown status requested.',
    canned_response_changed: 'Someone else has just changed this canned response. Check the newest version, then change it again.',
    canned_response_not_found: 'This canned response is not in your list (it may have been removed).',
    canned_responses_full: 'The list already holds 100 canned responses. Remove one before adding another.',
    contact_unreachable: 'A code cannot be sent to this contact. Check the phone number or email.',
    csrf_failed: 'This page\'s session is out of date. Reload the page and try again.',
    device_signed_out: 'This phone is no longer signed in to My reports. Sign in again with a code.',
    forbidden: 'Your role may not do this.',
    holiday_not_found: 'There is no holiday on that date.',
    holiday_year_empty: 'There are no holidays for that year yet.',
    idempotency_key_reused: 'This report differs from the one already sent with the same key. Reload the page and send again.',
    internal: 'Something went wrong on the server; nothing was saved. Try again.',
    invalid_credentials: 'Wrong username or password.',
    invalid_position: 'Invalid position: latitude from -90 to 90, longitude from -180 to 180.',
    invalid_tracking_id: 'A tracking number has 9 letters and digits, like K7M-2QX-9PA.',
    malformed_json: 'The request could not be read. Reload the page and try again.',
    method_not_allowed: 'This request is not allowed here.',
    not_found: 'This page or item does not exist.',
    not_a_bulk_action: 'Only forwarding, assigning and archiving can be done on several reports at once.',
    notification_not_found: 'This notification does not exist.',
    offset_mismatch: 'The file upload continues from the part already received.',
    payload_too_large: 'What was sent is too large.',
    range_not_satisfiable: 'The requested part of the file is not available.',
    rate_limited: 'Too many requests from this connection.',
    region_not_found: 'This region is not known.',
    replayed_request: 'This request was received before.',
    report_finished: 'This report is finished and can no longer be followed.',
    report_not_found: 'There is no report with this number.',
    report_not_linked: 'This report is not linked to the contact this phone uses. Open it with the PIN.',
    request_failed: 'The request failed.',
    stale_timestamp: 'The request\'s time is too old or in the future.',
    stale_version: 'The report changed since you opened it. Reload and try again.',
    storage_busy: 'The server is busy; nothing was saved.',
    storage_full: 'The server\'s storage is full; nothing was saved.',
    storage_read_only: 'The server cannot save right now; nothing was saved.',
    storage_unavailable: 'The server\'s storage is unavailable; nothing was saved.',
    term_link_not_found: 'This word pair is not among the learned ones.',
    too_large: 'The file is too large.',
    unauthenticated: 'Log in to continue.',
    unknown_action: 'This action is not known.',
    unknown_status: 'This status is not known.',
    unsupported_media_type: 'This kind of content is not supported.',
    upload_not_found: 'The uploaded file has expired. Choose it again.',
    uri_too_long: 'The address is too long.',
    validation_failed: 'Some fields are not right yet.',
    view_not_found: 'This saved view no longer exists.',
    wrong_code: 'The code is wrong or has expired.',
    wrong_pin: 'Wrong PIN, or no report has this number.',
    network: 'No connection to the server. Try again.',
    unknown: 'The request failed (code {status}).',
  },
};

const prefixed = (lang) =>
  Object.fromEntries(Object.entries(kServerErrors[lang]).map(([k, v]) => ['server.' + k, v]));
addMessages({
  id: {
    ...prefixed('id'),
    'server.retry': 'Coba lagi dalam {wait}.',
    'wait.hour': '1 jam',
    'wait.hours': '{n} jam',
  },
  en: {
    ...prefixed('en'),
    'server.retry': 'Try again in {wait}.',
    'wait.hour': '1 hour',
    'wait.hours': '{n} hours',
  },
});

// A wait the server asked for (Retry-After, in seconds), in words: "12 menit".
export function waitText(seconds) {
  if (seconds < 60) return t('wait.seconds', { n: Math.max(Math.ceil(seconds), 1) });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? t('wait.minute') : t('wait.minutes', { n: minutes });
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? t('wait.hour') : t('wait.hours', { n: hours });
}

// The words for a failed request ({status, code, retryAfter}) in the page's language, with
// the wait when the server gave one.
export function serverMessage({ status = 0, code = '', retryAfter = 0 }) {
  const key = status === 0 ? 'server.network' : 'server.' + code;
  let text = t(key, { status });
  if (text === key) text = t('server.unknown', { status });
  return retryAfter > 0 ? `${text} ${t('server.retry', { wait: waitText(retryAfter) })}` : text;
}
