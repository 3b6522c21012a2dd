// A unit's theory questions as its teachers write them: the live questions, newest first and
// paginated, a form to write one (or to edit one: papers already drawn keep their copy), and retiring
// a question so that it is no longer drawn.
import { api } from '../shared/api.js';
import { t } from '../shared/i18n.js';
import { box, el, pager, showNotice, showProblem } from '../shared/page.js';

const SIZE = 10;
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

export function questionSection(unitId) {
  const section = el('section', { class: 'card', id: 'questions' });
  const list = el('div', { id: 'question-list' });
  let editing = null;

  const type = el('select', { name: 'type', id: 'question-type', onchange: () => { options.hidden = type.value === 'TRUE_FALSE'; } },
    ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE'].map((v) => el('option', { value: v }, t(`exam.type.${v}`))));
  const options = el('div', { class: 'stack' }, LETTERS.map((l) => el('label', {}, t('questions.option', { l }),
    el('input', { name: `option${l}`, id: `question-option-${l}`, maxlength: 500 }))));
  const form = el('form', { class: 'stack', id: 'question-form' },
    el('label', {}, t('questions.type'), type),
    el('label', {}, t('questions.difficulty'), el('select', { name: 'difficulty' }, [1, 2, 3, 4, 5].map((d) => el('option', { value: d, selected: d === 2 }, t(`questions.level${d}`))))),
    el('label', {}, t('questions.stem'), el('textarea', { name: 'stem', id: 'question-stem', rows: 3, required: true, maxlength: 2000 })),
    options,
    el('label', {}, t('questions.answer'), el('input', { name: 'answer', id: 'question-answer', required: true, maxlength: 12 }),
      el('span', { class: 'muted' }, t('questions.answerHelp'))),
    el('label', {}, t('questions.explanation'), el('textarea', { name: 'explanation', rows: 2, maxlength: 2000 })),
    el('p', {}, el('button', { type: 'submit', class: 'primary', id: 'question-save' }, t('questions.save')), ' ',
      el('button', { type: 'button', id: 'question-cancel', hidden: true, onclick: () => reset() }, t('questions.cancel'))));

  function reset() {
    editing = null;
    form.reset();
    options.hidden = false;
    form.querySelector('#question-save').textContent = t('questions.save');
    form.querySelector('#question-cancel').hidden = true;
  }

  function edit(q) {
    editing = q.id;
    type.value = q.type;
    options.hidden = q.type === 'TRUE_FALSE';
    form.elements.difficulty.value = q.difficulty;
    form.elements.stem.value = q.stem;
    LETTERS.forEach((l, i) => { form.elements[`option${l}`].value = q.options[i] || ''; });
    form.elements.answer.value = q.type === 'TRUE_FALSE' ? (q.answer === 'T' ? '对' : '错') : q.answer;
    form.elements.explanation.value = q.explanation || '';
    form.querySelector('#question-save').textContent = t('questions.saveEdit', { id: q.id });
    form.querySelector('#question-cancel').hidden = false;
    form.scrollIntoView();
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(box.problem, null);
    const body = { unitId, type: type.value, difficulty: Number(form.elements.difficulty.value), stem: form.elements.stem.value,
      options: type.value === 'TRUE_FALSE' ? [] : LETTERS.map((l) => form.elements[`option${l}`].value),
      answer: form.elements.answer.value, explanation: form.elements.explanation.value };
    try {
      const saved = await api(editing ? `/api/assessment/questions/${editing}` : '/api/assessment/questions', { method: editing ? 'PUT' : 'POST', body });
      showNotice(box.notice, t(editing ? 'questions.edited' : 'questions.created', { v: saved.version }));
      reset();
      await show(0);
    } catch (err) {
      showProblem(box.problem, err);
    }
  });

  async function retire(q) {
    if (!confirm(t('questions.confirmRetire'))) return;
    try {
      await api(`/api/assessment/questions/${q.id}/retire`, { method: 'POST' });
      showNotice(box.notice, t('questions.retired'));
      await show(0);
    } catch (err) {
      showProblem(box.problem, err);
    }
  }

  const answerText = (q) => (q.type === 'TRUE_FALSE' ? t(q.answer === 'T' ? 'exam.true' : 'exam.false') : q.answer);

  async function show(page) {
    try {
      const questions = await api(`/api/assessment/questions?unit=${unitId}&page=${page}&size=${SIZE}`);
      section.querySelector('h2').textContent = t('questions.title', { n: questions.total });
      list.replaceChildren(questions.items.length ? el('ol', { class: 'review' }, questions.items.map((q) => el('li', { class: 'card', 'data-question': q.id },
        el('p', {}, `[${t(`exam.type.${q.type}`)}] `, q.stem, ' ', el('span', { class: 'muted' }, t(`questions.level${q.difficulty}`)),
          q.version > 1 ? el('span', { class: 'muted' }, ` · ${t('questions.version', { v: q.version })}`) : ''),
        q.options.length ? el('ol', { type: 'A' }, q.options.map((o) => el('li', {}, o))) : '',
        el('p', { class: 'muted' }, t('questions.key', { a: answerText(q) }), q.explanation ? ` · ${q.explanation}` : ''),
        el('p', {}, el('button', { type: 'button', class: 'link', onclick: () => edit(q) }, t('questions.edit')), ' ',
          el('button', { type: 'button', class: 'link', onclick: () => retire(q) }, t('questions.retire'))))))
        : el('p', { class: 'muted' }, t('questions.none')),
      questions.total > SIZE ? pager(page, SIZE, questions.total, show) : '');
    } catch (err) {
      showProblem(box.problem, err);
    }
  }

  section.append(el('h2', {}, t('questions.title', { n: '' })), el('p', { class: 'muted' }, t('questions.help')), list,
    el('details', {}, el('summary', { id: 'question-new' }, t('questions.new')), form));
  show(0);
  return section;
}
