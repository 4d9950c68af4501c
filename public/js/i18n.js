// The message catalogue: every string the pages show, Bahasa Indonesia first, English
// second. Validation and API errors arrive as codes from the core and are turned into
// text here, never in C++.

const messages = {
  id: {
    'app.name': 'aduan',
    'app.tagline': 'Layanan pengaduan publik',
    'lang.switch': 'English',
    'lang.switch.label': 'Switch to English',
    'nav.skip': 'Lewati ke isi',
    'nav.submit': 'Buat laporan',
    'nav.track': 'Lacak laporan',
    'nav.transparency': 'Transparansi',
    'public.heading': 'Transparansi',
    'public.intro': 'Berapa laporan yang masuk, bagaimana ditangani, dan laporan yang terbuka untuk umum. Identitas pelapor dan laporan rahasia tidak pernah ditampilkan.',
    'public.from': 'Dari tanggal',
    'public.to': 'Sampai tanggal',
    'public.apply': 'Tampilkan',
    'public.export': 'Unduh statistik (CSV)',
    'public.numbers': 'Angka utama',
    'public.total': 'Laporan',
    'public.closed': 'Selesai',
    'public.rating': 'Kepuasan rata-rata',
    'public.rating.value': '{average} dari 5 ({count} penilaian)',
    'public.rating.none': 'Belum ada penilaian',
    'public.by_status': 'Menurut status',
    'public.by_category': 'Menurut kategori',
    'public.by_agency': 'Menurut instansi',
    'public.list': 'Laporan terbuka untuk umum',
    'public.search': 'Cari laporan',
    'public.search.button': 'Cari',
    'queue.count': '{total} laporan · halaman {page} dari {pages}',
    'queue.count.many': 'lebih dari {total} laporan · halaman {page} dari {pages}+',
    'queue.empty': 'Tidak ada laporan yang cocok.',
    'queue.prev': 'Sebelumnya',
    'queue.next': 'Berikutnya',
    'loading': 'Memuat…',
    'core.failed': 'Pemeriksaan di perangkat tidak tersedia; laporan tetap diperiksa oleh server.',

    'submit.heading': 'Sampaikan laporan Anda',
    'submit.intro': 'Laporan Anda diteruskan ke instansi yang berwenang. Isian bertanda * wajib diisi.',
    'field.classification': 'Jenis laporan *',
    'classification.complaint': 'Pengaduan',
    'classification.aspiration': 'Aspirasi',
    'classification.info_request': 'Permintaan informasi',
    'field.title': 'Judul laporan *',
    'field.title.hint': 'Ringkas, 10–150 karakter. Contoh: Jalan berlubang di depan Pasar Martapura',
    'field.body': 'Isi laporan *',
    'field.body.hint': 'Ceritakan kronologinya: apa, di mana, kapan, siapa yang terlibat. 30–5000 karakter.',
    'field.incident_date': 'Tanggal kejadian *',
    'field.category': 'Kategori *',
    'field.category.choose': 'Pilih kategori',
    'field.agency': 'Instansi tujuan (jika tahu)',
    'field.agency.none': 'Tidak tahu — biar petugas yang menentukan',
    'field.location.text': 'Lokasi kejadian *',
    'field.location.text.hint': 'Alamat, nama tempat, atau patokan terdekat.',
    'field.location.gps': 'Sertakan posisi saya',
    'field.location.gps.added': 'Posisi ditambahkan: {lat}, {lon}',
    'field.location.gps.failed': 'Posisi tidak bisa diambil. Isi lokasi dengan teks saja.',
    'field.location.gps.remove': 'Hapus posisi',
    'section.reporter': 'Data pelapor',
    'section.reporter.hint': 'Isi nomor HP atau email agar kami bisa mengabari Anda.',
    'field.reporter.name': 'Nama',
    'field.reporter.phone': 'Nomor HP',
    'field.reporter.phone.hint': 'Contoh: 0812 3456 7890',
    'field.reporter.email': 'Email',
    'field.reporter.nik': 'NIK (tidak wajib)',
    'field.reporter.nik.hint': '16 angka sesuai KTP.',
    'field.anonymous': 'Anonim: identitas saya tidak ditampilkan kepada instansi dan publik',
    'field.confidential': 'Rahasia: isi laporan tidak ditampilkan kepada publik',
    'submit.button': 'Kirim laporan',
    'submit.sending': 'Mengirim…',
    'submit.fix': 'Periksa kembali {count} isian yang ditandai.',
    'submit.network': 'Laporan belum terkirim karena koneksi terputus. Tulisan Anda tetap tersimpan; coba kirim lagi.',
    'submit.server': 'Laporan belum terkirim: {message}',
    'submit.draft.restored': 'Draf laporan Anda sebelumnya dipulihkan.',
    'counter': '{count} / {max} karakter',

    'done.heading': 'Laporan terkirim',
    'done.intro': 'Simpan nomor pelacakan ini untuk memantau laporan Anda.',
    'done.id.label': 'Nomor pelacakan',
    'done.copy': 'Salin nomor',
    'done.copied': 'Nomor disalin.',
    'done.deadline': 'Laporan akan diverifikasi paling lambat {date}.',
    'done.track': 'Lacak laporan ini',
    'done.pin.label': 'PIN laporan',
    'done.pin.hint': 'Dengan PIN ini Anda dapat membalas, mengonfirmasi atau menilai tindak lanjut. Jangan berikan kepada orang lain.',
    'done.another': 'Buat laporan lain',

    'track.heading': 'Lacak laporan',
    'track.intro': 'Masukkan nomor pelacakan yang Anda terima saat mengirim laporan.',
    'track.field': 'Nomor pelacakan',
    'track.field.hint': 'Sembilan huruf dan angka, contoh K7M-2QX-9PA. Huruf O, I dan L tidak dipakai.',
    'track.button': 'Lacak',
    'track.notfound': 'Tidak ada laporan dengan nomor ini.',
    'track.status': 'Status',
    'track.followers': 'Warga yang juga mengalami',
    'similar.heading': 'Apakah ini masalah yang sama?',
    'similar.intro': 'Warga lain sudah melaporkan hal yang mirip dan laporannya masih diproses. Jika masalah Anda sama, ikuti laporan itu: petugas melihat berapa warga yang mengalaminya.',
    'similar.found': '{n} laporan serupa ditemukan di bawah kolom instansi.',
    'similar.followers': '{n} warga juga mengalami',
    'similar.follow': 'Saya juga mengalami ini',
    'similar.follow.label': 'Saya juga mengalami ini: {title}',
    'similar.contact': 'Nomor HP atau email untuk kabar terbaru (boleh dikosongkan)',
    'similar.contact.invalid': 'Nomor HP atau email ini tidak valid.',
    'similar.follow.confirm': 'Ikuti laporan ini',
    'similar.followed': 'Terima kasih. Anda mengikuti laporan {id} bersama {n} warga.',
    'similar.track': 'Lihat perkembangannya',
    'track.deadline': 'Batas waktu {stage}',
    'track.deadline.left': '{date} — {days} hari kerja lagi',
    'track.deadline.today': '{date} — hari ini',
    'track.deadline.over': '{date} — terlambat {days} hari kerja',
    'track.nodeadline': 'Tidak ada tenggat berjalan.',
    'track.timeline': 'Riwayat',
    'track.category': 'Kategori',
    'track.agency': 'Instansi',
    'track.location': 'Lokasi',
    'track.submitted': 'Dikirim',
    'track.hidden': 'Isi laporan ini rahasia dan tidak ditampilkan di sini.',
    'track.anonymous': 'Laporan anonim',
    'by.citizen': 'Pelapor',
    'by.staff': 'Petugas',

    'citizen.heading': 'Tindak lanjut Anda',
    'citizen.pin': 'PIN laporan',
    'citizen.pin.hint': 'Delapan angka yang Anda terima saat mengirim laporan.',
    'citizen.open': 'Buka',
    'citizen.pin.wrong': 'PIN tidak cocok dengan laporan ini.',
    'citizen.pin.limited': 'Terlalu banyak percobaan. Coba lagi dalam {minutes} menit.',
    'citizen.none': 'Tidak ada yang perlu Anda lakukan sekarang.',
    'citizen.done': 'Terima kasih, tanggapan Anda tersimpan.',
    'citizen.stale': 'Laporan baru saja berubah. Periksa riwayatnya lalu coba lagi.',
    'citizen.verb.answer': 'Jawab pertanyaan petugas',
    'citizen.verb.reply': 'Kirim balasan',
    'citizen.verb.confirm': 'Ya, masalah sudah selesai',
    'citizen.verb.reopen': 'Belum selesai, buka kembali',
    'citizen.verb.rate': 'Nilai tindak lanjut',
    'citizen.note': 'Pesan Anda',
    'citizen.note.reopen': 'Apa yang belum selesai?',
    'citizen.rating': 'Nilai (1 = sangat buruk, 5 = sangat baik)',
    'citizen.rating.comment': 'Komentar (tidak wajib)',
    'citizen.rated': 'Nilai Anda: {score} dari 5',
    'citizen.send': 'Kirim',
    'citizen.mute': 'Hentikan pesan tentang laporan ini',
    'citizen.unmute': 'Kirimi saya pesan lagi tentang laporan ini',
    'citizen.muted': 'Anda tidak akan menerima pesan lagi tentang laporan ini.',
    'citizen.unmuted': 'Anda akan menerima pesan tentang laporan ini.',
    'citizen.cancel': 'Batal',
    'error.rating.required': 'Pilih nilai 1 sampai 5.',
    'tracking.empty': 'Masukkan nomor pelacakan.',
    'tracking.bad_length': 'Nomor pelacakan terdiri dari 9 huruf dan angka.',
    'tracking.bad_character': 'Ada karakter yang tidak dipakai. Nomor tidak memakai huruf O, I, L maupun angka 0 dan 1.',
    'tracking.bad_check_character': 'Ada salah ketik pada nomor ini. Periksa setiap karakternya.',

    'status.submitted': 'Belum terverifikasi',
    'status.postponed': 'Tertunda — menunggu keterangan Anda',
    'status.forwarded': 'Terdisposisi, belum ditindaklanjuti',
    'status.in_progress': 'Sedang diproses',
    'status.resolved': 'Selesai ditindaklanjuti — menunggu konfirmasi Anda',
    'status.closed': 'Selesai',
    'status.archived': 'Diarsipkan',
    'status.escalated': 'Ditangani pengawas',
    'stage.verification': 'verifikasi',
    'stage.first_response': 'tanggapan pertama',
    'stage.resolution': 'penyelesaian',
    'stage.citizen_confirmation': 'konfirmasi Anda',
    'colour.green': 'Sesuai jadwal',
    'colour.amber': 'Mendekati batas',
    'colour.red': 'Melewati batas',
    'action.submit': 'Laporan dikirim',
    'action.forward': 'Diteruskan ke instansi',
    'action.postpone': 'Ditunda, menunggu keterangan',
    'action.answer': 'Pelapor memberi keterangan',
    'action.archive': 'Diarsipkan',
    'action.assign': 'Ditugaskan ke petugas',
    'action.respond': 'Ditanggapi instansi',
    'action.update': 'Perkembangan',
    'action.return': 'Dikembalikan ke koordinator',
    'action.resolve': 'Tindak lanjut selesai',
    'action.reply': 'Balasan pelapor',
    'action.confirm': 'Dikonfirmasi pelapor',
    'action.reopen': 'Dibuka kembali',
    'action.rate': 'Dinilai',
    'action.auto_close': 'Ditutup otomatis',
    'action.escalate': 'Dieskalasi ke pengawas',
    'action.comment': 'Catatan',

    'error.required': 'Wajib diisi.',
    'error.too_short': 'Terlalu pendek: minimal {min} karakter.',
    'error.too_long': 'Terlalu panjang: maksimal {max} karakter.',
    'error.blank': 'Tidak boleh hanya berisi spasi.',
    'error.invalid_utf8': 'Ada karakter yang tidak dapat dibaca.',
    'error.control_character': 'Ada karakter tersembunyi yang tidak diperbolehkan.',
    'error.invalid_format': 'Gunakan format tanggal TTTT-BB-HH.',
    'error.invalid_date': 'Tanggal ini tidak ada.',
    'error.in_future': 'Tanggal kejadian tidak boleh di masa depan.',
    'error.unknown_classification': 'Pilih jenis laporan yang tersedia.',
    'error.unknown_category': 'Kategori ini tidak tersedia. Pilih dari daftar.',
    'error.unknown_agency': 'Instansi ini tidak tersedia. Pilih dari daftar.',
    'error.unknown_channel': 'Saluran pengiriman tidak dikenal.',
    'error.invalid_phone': 'Nomor HP Indonesia diawali 08, 62 atau +62. Contoh: 0812 3456 7890.',
    'error.invalid_email': 'Alamat email tidak valid. Contoh: nama@contoh.id.',
    'error.invalid_nik': 'NIK terdiri dari 16 angka sesuai KTP.',
    'error.invalid_region_code': 'Kode wilayah tidak valid.',
    'error.out_of_range': 'Di luar jangkauan yang mungkin.',
    'error.incomplete': 'Posisi belum lengkap.',
    'error.contact_required': 'Isi nomor HP atau email agar kami bisa mengabari Anda.',
    'error.wrong_type': 'Isian tidak dapat dibaca.',
  },
  en: {
    'app.name': 'aduan',
    'app.tagline': 'Public service complaints',
    'lang.switch': 'Bahasa Indonesia',
    'lang.switch.label': 'Ganti ke Bahasa Indonesia',
    'nav.skip': 'Skip to content',
    'nav.submit': 'New report',
    'nav.track': 'Track a report',
    'nav.transparency': 'Transparency',
    'public.heading': 'Transparency',
    'public.intro': 'How many reports came in, how they were handled, and the reports open to the public. Reporters and confidential reports are never shown.',
    'public.from': 'From',
    'public.to': 'To',
    'public.apply': 'Show',
    'public.export': 'Download the statistics (CSV)',
    'public.numbers': 'Key figures',
    'public.total': 'Reports',
    'public.closed': 'Closed',
    'public.rating': 'Average satisfaction',
    'public.rating.value': '{average} out of 5 ({count} ratings)',
    'public.rating.none': 'No ratings yet',
    'public.by_status': 'By status',
    'public.by_category': 'By category',
    'public.by_agency': 'By agency',
    'public.list': 'Reports open to the public',
    'public.search': 'Search reports',
    'public.search.button': 'Search',
    'queue.count': '{total} reports · page {page} of {pages}',
    'queue.count.many': 'more than {total} reports · page {page} of {pages}+',
    'queue.empty': 'No report matches.',
    'queue.prev': 'Previous',
    'queue.next': 'Next',
    'loading': 'Loading…',
    'core.failed': 'On-device checks are unavailable; the server still checks your report.',

    'submit.heading': 'Tell us what happened',
    'submit.intro': 'Your report goes to the agency in charge. Fields marked * are required.',
    'field.classification': 'Type of report *',
    'classification.complaint': 'Complaint',
    'classification.aspiration': 'Aspiration',
    'classification.info_request': 'Information request',
    'field.title': 'Title *',
    'field.title.hint': 'Short, 10–150 characters. Example: Pothole in front of Martapura Market',
    'field.body': 'Your report *',
    'field.body.hint': 'What happened, where, when and who was involved. 30–5000 characters.',
    'field.incident_date': 'Date it happened *',
    'field.category': 'Category *',
    'field.category.choose': 'Choose a category',
    'field.agency': 'Agency (if you know it)',
    'field.agency.none': 'Not sure — let the staff decide',
    'field.location.text': 'Where it happened *',
    'field.location.text.hint': 'Address, place name or nearest landmark.',
    'field.location.gps': 'Add my position',
    'field.location.gps.added': 'Position added: {lat}, {lon}',
    'field.location.gps.failed': 'Could not get your position. Describe the place in words instead.',
    'field.location.gps.remove': 'Remove position',
    'section.reporter': 'About you',
    'section.reporter.hint': 'Give a phone number or an email so that we can keep you informed.',
    'field.reporter.name': 'Name',
    'field.reporter.phone': 'Mobile number',
    'field.reporter.phone.hint': 'Example: 0812 3456 7890',
    'field.reporter.email': 'Email',
    'field.reporter.nik': 'NIK (optional)',
    'field.reporter.nik.hint': 'The 16 digits on your ID card (KTP).',
    'field.anonymous': 'Anonymous: hide my identity from the agency and the public',
    'field.confidential': 'Confidential: do not show the content of my report to the public',
    'submit.button': 'Send report',
    'submit.sending': 'Sending…',
    'submit.fix': 'Please check the {count} marked fields.',
    'submit.network': 'Not sent: the connection dropped. Your text is kept; try sending again.',
    'submit.server': 'Not sent: {message}',
    'submit.draft.restored': 'Your earlier draft was restored.',
    'counter': '{count} / {max} characters',

    'done.heading': 'Report sent',
    'done.intro': 'Keep this tracking number to follow your report.',
    'done.id.label': 'Tracking number',
    'done.copy': 'Copy number',
    'done.copied': 'Number copied.',
    'done.deadline': 'It will be verified by {date}.',
    'done.track': 'Track this report',
    'done.pin.label': 'Report PIN',
    'done.pin.hint': 'With this PIN you can reply, confirm or rate the follow-up. Do not share it.',
    'done.another': 'Send another report',

    'track.heading': 'Track a report',
    'track.intro': 'Enter the tracking number you received when you sent your report.',
    'track.field': 'Tracking number',
    'track.field.hint': 'Nine letters and digits, like K7M-2QX-9PA. The letters O, I and L are never used.',
    'track.button': 'Track',
    'track.notfound': 'There is no report with this number.',
    'track.status': 'Status',
    'track.followers': 'Citizens with the same problem',
    'similar.heading': 'Is this the same problem?',
    'similar.intro': 'Other citizens have reported something similar and it is still being handled. If your problem is the same, follow that report: the officers see how many citizens have it.',
    'similar.found': '{n} similar reports found below the agency field.',
    'similar.followers': '{n} citizens have it too',
    'similar.follow': 'I have this problem too',
    'similar.follow.label': 'I have this problem too: {title}',
    'similar.contact': 'Phone or email for updates (optional)',
    'similar.contact.invalid': 'This phone number or email is not valid.',
    'similar.follow.confirm': 'Follow this report',
    'similar.followed': 'Thank you. You follow report {id} with {n} citizens.',
    'similar.track': 'See its progress',
    'track.deadline': 'Deadline for {stage}',
    'track.deadline.left': '{date} — {days} working days left',
    'track.deadline.today': '{date} — today',
    'track.deadline.over': '{date} — {days} working days late',
    'track.nodeadline': 'No deadline is running.',
    'track.timeline': 'History',
    'track.category': 'Category',
    'track.agency': 'Agency',
    'track.location': 'Location',
    'track.submitted': 'Sent',
    'track.hidden': 'This report is confidential; its content is not shown here.',
    'track.anonymous': 'Anonymous report',
    'by.citizen': 'Reporter',
    'by.staff': 'Staff',

    'citizen.heading': 'Your follow-up',
    'citizen.pin': 'Report PIN',
    'citizen.pin.hint': 'The eight digits you received when you sent your report.',
    'citizen.open': 'Open',
    'citizen.pin.wrong': 'The PIN does not match this report.',
    'citizen.pin.limited': 'Too many attempts. Try again in {minutes} minutes.',
    'citizen.none': 'There is nothing for you to do right now.',
    'citizen.done': 'Thank you, your response was saved.',
    'citizen.stale': 'The report just changed. Check its history and try again.',
    'citizen.verb.answer': 'Answer the staff\'s question',
    'citizen.verb.reply': 'Send a reply',
    'citizen.verb.confirm': 'Yes, the problem is solved',
    'citizen.verb.reopen': 'Not solved, reopen it',
    'citizen.verb.rate': 'Rate the follow-up',
    'citizen.note': 'Your message',
    'citizen.note.reopen': 'What is still not done?',
    'citizen.rating': 'Rating (1 = very poor, 5 = very good)',
    'citizen.rating.comment': 'Comment (optional)',
    'citizen.rated': 'Your rating: {score} out of 5',
    'citizen.send': 'Send',
    'citizen.mute': 'Stop messages about this report',
    'citizen.unmute': 'Send me messages about this report again',
    'citizen.muted': 'You will get no more messages about this report.',
    'citizen.unmuted': 'You will get messages about this report.',
    'citizen.cancel': 'Cancel',
    'error.rating.required': 'Choose a rating from 1 to 5.',
    'tracking.empty': 'Enter a tracking number.',
    'tracking.bad_length': 'A tracking number has 9 letters and digits.',
    'tracking.bad_character': 'It contains a character that is never used: no O, I, L, 0 or 1.',
    'tracking.bad_check_character': 'This number has a typing error. Check each character.',

    'status.submitted': 'Not yet verified',
    'status.postponed': 'On hold — waiting for your information',
    'status.forwarded': 'Forwarded, not yet handled',
    'status.in_progress': 'In progress',
    'status.resolved': 'Resolved — waiting for your confirmation',
    'status.closed': 'Closed',
    'status.archived': 'Archived',
    'status.escalated': 'Taken over by the supervisor',
    'stage.verification': 'verification',
    'stage.first_response': 'the first response',
    'stage.resolution': 'resolution',
    'stage.citizen_confirmation': 'your confirmation',
    'colour.green': 'On time',
    'colour.amber': 'Due soon',
    'colour.red': 'Overdue',
    'action.submit': 'Report sent',
    'action.forward': 'Forwarded to the agency',
    'action.postpone': 'On hold, waiting for information',
    'action.answer': 'Reporter added information',
    'action.archive': 'Archived',
    'action.assign': 'Assigned to an officer',
    'action.respond': 'Agency responded',
    'action.update': 'Progress update',
    'action.return': 'Returned to the coordinator',
    'action.resolve': 'Follow-up completed',
    'action.reply': 'Reporter replied',
    'action.confirm': 'Confirmed by the reporter',
    'action.reopen': 'Reopened',
    'action.rate': 'Rated',
    'action.auto_close': 'Closed automatically',
    'action.escalate': 'Escalated to the supervisor',
    'action.comment': 'Note',

    'error.required': 'Required.',
    'error.too_short': 'Too short: at least {min} characters.',
    'error.too_long': 'Too long: at most {max} characters.',
    'error.blank': 'Cannot be only spaces.',
    'error.invalid_utf8': 'Contains characters that cannot be read.',
    'error.control_character': 'Contains hidden characters that are not allowed.',
    'error.invalid_format': 'Use the date format YYYY-MM-DD.',
    'error.invalid_date': 'This date does not exist.',
    'error.in_future': 'The date cannot be in the future.',
    'error.unknown_classification': 'Choose one of the report types.',
    'error.unknown_category': 'This category is not available. Choose one from the list.',
    'error.unknown_agency': 'This agency is not available. Choose one from the list.',
    'error.unknown_channel': 'Unknown channel.',
    'error.invalid_phone': 'Indonesian numbers start with 08, 62 or +62. Example: 0812 3456 7890.',
    'error.invalid_email': 'Not a valid email address. Example: name@example.id.',
    'error.invalid_nik': 'A NIK is the 16 digits on your ID card.',
    'error.invalid_region_code': 'Not a valid region code.',
    'error.out_of_range': 'Out of the possible range.',
    'error.incomplete': 'The position is incomplete.',
    'error.contact_required': 'Give a phone number or an email so that we can keep you informed.',
    'error.wrong_type': 'This value cannot be read.',
  },
};

// Field lengths shown in messages ({min}, {max}), given by the pages from the wasm core,
// which holds the rules.
const limits = {};
export function setFieldLimits(byField) { Object.assign(limits, byField); }

const kStorageKey = 'aduan.lang';
let current = 'id';
try {
  const saved = localStorage.getItem(kStorageKey);
  if (saved === 'en' || saved === 'id') current = saved;
} catch { /* storage may be blocked; Indonesian it is */ }

const listeners = [];

// Adds a page family's own messages (the staff panel's) to the catalogue.
export function addMessages(extra) {
  for (const lang of Object.keys(extra)) Object.assign(messages[lang], extra[lang]);
}

export function lang() { return current; }
export function locale() { return current === 'en' ? 'en-GB' : 'id-ID'; }

export function t(key, params = {}) {
  const text = messages[current][key] ?? messages.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

// The message for a validation code on a field, with field-specific wording where it helps.
export function fieldMessage(field, code) {
  const specific = `error.${field}.${code}`;
  if (messages[current][specific]) return t(specific);
  return t(`error.${code}`, limits[field] ?? {});
}

// Fills every [data-i18n] element's text and [data-i18n-*] attributes.
export function applyTranslations(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  }
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'id';
  try { localStorage.setItem(kStorageKey, current); } catch { /* not kept; fine */ }
  applyTranslations();
  for (const fn of listeners) fn(current);
}

export function onLangChange(fn) { listeners.push(fn); }

// Wires the language button of a page.
export function initLanguageSwitch() {
  applyTranslations();
  const button = document.getElementById('lang-switch');
  if (button) button.addEventListener('click', () => setLang(current === 'id' ? 'en' : 'id'));
}

// Numbers with the language's grouping: 10.000 in Indonesian, 10,000 in English.
export function formatNumber(n) { return Number(n).toLocaleString(locale()); }

export function formatDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale(), {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  });
}

export function formatDateTime(iso) {
  // Shown in the deployment's zone as the server wrote it (e.g. +07:00), not the phone's.
  const offset = iso.slice(19);
  const local = new Date(iso.slice(0, 19) + 'Z');
  const text = local.toLocaleString(locale(), {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: 'UTC',
  });
  const zone = { '+07:00': 'WIB', '+08:00': 'WITA', '+09:00': 'WIT' }[offset] ?? `UTC${offset}`;
  return `${text} ${zone}`;
}
