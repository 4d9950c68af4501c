// The files staff attached to a timeline entry (an after photo, an official letter), for the
// staff panel and the reporter's own view alike: a thumbnail that opens the photo, a link
// for a PDF. `open(a)` gives the file's address (the staff's URL, or for the reporter a
// blob: URL fetched with the PIN), or null when it cannot be had.
import { t } from './i18n.js';

export function renderEntryFiles(item, files, open) {
  const list = document.createElement('ul');
  list.className = 'entry-files';
  item.append(list);
  for (const a of files) {
    const li = document.createElement('li');
    list.append(li);
    const photo = a.content_type !== 'application/pdf';
    const name = t(photo ? 'attachment.photo' : 'attachment.document', { n: a.position });
    Promise.resolve(open(a)).then((url) => {
      if (!url) return;
      const link = Object.assign(document.createElement('a'), { href: url, target: '_blank', rel: 'noopener' });
      if (photo) {
        const img = Object.assign(document.createElement('img'), { src: url, alt: name, loading: 'lazy', width: 96, height: 72 });
        link.append(img);
      } else {
        link.textContent = `${name} (PDF)`;
        link.download = `lampiran-${a.position}.pdf`;
      }
      li.append(link);
    }).catch(() => {});
  }
}
