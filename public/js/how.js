// "How it works" on the home page: the steps a report goes through and how long each may
// take. The working days come from the wasm core's deadline policy, the same numbers the
// server computes due dates with, so the page cannot promise what the workflow does not do.
import { t } from './i18n.js';

const kSteps = ['submit', 'verification', 'first_response', 'resolution', 'confirmation', 'escalation'];

function stepText(step, p) {
  const r = p.resolution;
  switch (step) {
    case 'verification': return t('how.step.verification', { days: p.verification });
    case 'first_response': return t('how.step.first_response', { days: p.firstResponse });
    case 'resolution': return t('how.step.resolution', { light: r.light, normative: r.normative,
      no_investigation: r.noInvestigation, investigation: r.investigation });
    case 'confirmation': return t('how.step.confirmation', { days: p.citizenConfirmation });
    case 'escalation': return t('how.step.escalation', { days: p.escalationAfterForward });
    default: return t('how.step.' + step);
  }
}

// Fills the list; again after a language change. Without the core the steps are named
// without their deadlines rather than with numbers that might be wrong.
export function renderHowItWorks(core) {
  const list = document.getElementById('how-steps');
  if (!list) return;
  const policy = core?.deadlinePolicy();
  list.replaceChildren(...kSteps.map((step) => {
    const li = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = t('how.name.' + step);
    li.append(name, ' ', policy ? stepText(step, policy) : '');
    return li;
  }));
}
