// The reporter's privacy choices on the tracking page (after the PIN): what they chose when
// filing, in words, and a button for each to change it. Only the reporter can make a report
// more public; staff can only make it more private (the server's rule, shared/actions.h).
import { citizenAct } from './api.js';
import { t } from './i18n.js';

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

// Fills `box` for `report`; `send` gets the report the server answers with.
export function renderPrivacy(box, { id, pin, report, onChanged }) {
  const status = element('p', { className: 'notice', role: 'status' });
  status.hidden = true;
  const line = (flag, on, onText, offText, turnOn, turnOff) => {
    const button = element('button', { type: 'button', className: 'link',
      textContent: t(on ? turnOff : turnOn) });
    button.addEventListener('click', async () => {
      button.disabled = true;
      const res = await citizenAct(id, { action: 'privacy', pin, version: report.version, [flag]: !on });
      button.disabled = false;
      status.hidden = false;
      status.textContent = res.ok ? t('citizen.privacy.done')
        : res.status === 0 ? t('submit.network') : res.message;
      if (res.ok) onChanged(res.data);
    });
    return element('li', {}, element('span', { textContent: t(on ? onText : offText) + ' ' }), button);
  };
  box.replaceChildren(
    element('h3', { id: 'privacy-heading', textContent: t('citizen.privacy.heading') }),
    element('ul', { className: 'privacy-list' },
      line('confidential', report.confidential, 'citizen.privacy.confidential', 'citizen.privacy.public',
        'citizen.privacy.make_confidential', 'citizen.privacy.make_public'),
      line('anonymous', report.anonymous, 'citizen.privacy.anonymous', 'citizen.privacy.shown',
        'citizen.privacy.hide', 'citizen.privacy.show')),
    status);
}
