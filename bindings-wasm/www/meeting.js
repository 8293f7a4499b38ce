// One meeting opened from the dashboard or the finder: its state in words, what was recorded at
// its sittings, its history (the journal's records that name it), what went against the rules,
// its tasks, and links to its minutes and resolution (the core's documents, doc.html). Everything
// shown is the library's: `meeting`, `summary`, `history` and the `minutes` query.
import { STATES } from './dashboard.js';
import { currentLanguage, t } from './i18n.js';

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A timestamp as the office writes it, in Vietnam's time (`14:00 12/01/2025`). */
function when(at) {
  const date = at instanceof Date ? at : new Date(at);
  return new Intl.DateTimeFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric',
  }).format(date);
}

/** The minutes gathered for a meeting that has sat, or null before its first sitting. */
function minutesOf(commune, id) {
  try {
    return commune.query({ minutes: { meeting: id, language: currentLanguage() } });
  } catch (error) {
    if (error?.code === undefined) throw error;
    return null; // a draft that has not sat has no minutes yet
  }
}

/** The panel for `app.meetingId`; a hint when no meeting is open. */
export function renderMeeting(root, app) {
  const commune = app.commune();
  if (!app.meetingId || !commune.meetingIds().includes(app.meetingId)) {
    root.innerHTML = `<p class="hint">${escape(app.draftFor ? t('draftHint', app.draftFor.month) : t('pickHint'))}</p>`;
    return;
  }
  const id = app.meetingId;
  const meeting = commune.meeting(id);
  const summary = commune.summary('meetings', id);
  const organisation = commune.organisation();
  const members = organisation.members;
  const nameOf = (member) => members[member]?.name ?? member;
  const minutes = minutesOf(commune, id);
  const message = currentLanguage() === 'vi' ? 'message_vi' : 'message_en';
  const step = STATES.indexOf(summary.state) + 1;

  const facts = [
    [t('cell'), organisation.cells[meeting.cell]?.name ?? meeting.cell],
    [t('month'), t('monthLong', meeting.month)],
    [t('kind'), t('kinds')[summary.kind] ?? summary.kind],
    [t('stateLabel'), `${step}/5 · ${t('states')[summary.state]}`],
    [t('scheduledAt'), when(meeting.scheduledAt)],
    [t('place'), meeting.place],
  ];
  if (summary.members != null) {
    facts.push([t('attendanceCol'), t('presentOf', summary.present, summary.members)]);
    facts.push([t('vote'), t('tally', summary.yes, summary.no, summary.abstain, summary.counted_base)]);
  }
  if (summary.failed_sittings) facts.push([t('failedSittings'), String(summary.failed_sittings)]);

  const defects = minutes?.defects ?? [];
  const defectList = defects.length
    ? `<ul class="defects">${defects.map((d) => `<li data-code="${escape(d.code)}">${escape(d[message])}</li>`).join('')}</ul>`
    : `<p>${escape(t('noDefects'))}</p>`;

  // The minutes list the tasks in the meeting's order (new ones, then those carried over).
  const taskRows = meeting.tasks.map((task, i) => {
    const s = commune.summary('tasks', task);
    const line = minutes?.tasks[i]?.owner === nameOf(s.owner) ? minutes.tasks[i] : null;
    const outcome = s.outcome ? t('outcomes')[s.outcome] : t('taskStates')[s.state] ?? s.state;
    return `<tr data-task="${escape(task)}"><th scope="row">${escape(nameOf(s.owner))}</th><td>${escape(line?.content ?? task)}</td><td class="date">${escape(line ? line.deadline.split('-').reverse().join('/') : '')}</td><td>${escape(outcome)}</td></tr>`;
  }).join('');
  const tasks = meeting.tasks.length
    ? `<div class="scroll"><table class="plain"><caption class="visually-hidden">${escape(t('tasksOf', meeting.tasks.length))}</caption><thead><tr><th scope="col">${escape(t('member'))}</th><th scope="col">${escape(t('task'))}</th><th scope="col">${escape(t('deadline'))}</th><th scope="col">${escape(t('outcome'))}</th></tr></thead><tbody>${taskRows}</tbody></table></div>`
    : `<p>${escape(t('noTasks'))}</p>`;

  const history = commune.history(id);
  const historyRows = history.map((h) => `<tr><td class="date">${escape(when(h.at))}</td><td>${escape(t('actions')[h.action] ?? h.action)}${h.subject ? ` <small>${escape(h.subject)}</small>` : ''}</td><td>${escape(nameOf(h.actor))}</td></tr>`).join('');

  const documents = minutes
    ? `<p class="documents">
        <a class="button" id="open-minutes" href="doc.html?meeting=${encodeURIComponent(id)}&amp;document=minutes&amp;language=${currentLanguage()}" target="_blank" rel="noopener">${escape(t('minutesDoc'))}</a>
        <a class="button" id="open-resolution" href="doc.html?meeting=${encodeURIComponent(id)}&amp;document=resolution&amp;language=${currentLanguage()}" target="_blank" rel="noopener">${escape(t('resolutionDoc'))}</a>
      </p>`
    : `<p>${escape(t('noDocuments'))}</p>`;

  root.innerHTML = `
    <h3 id="meeting-title">${escape(organisation.cells[meeting.cell]?.name ?? meeting.cell)} · ${escape(t('monthLong', meeting.month))}</h3>
    <p class="meeting-line">${escape(t('meeting'))}: <b id="meeting-id">${escape(id)}</b> · <span id="meeting-state" class="state-badge state-${escape(summary.state)}">${escape(`${step}. ${t('states')[summary.state]}`)}</span></p>
    <dl class="facts">${facts.map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`).join('')}</dl>
    ${documents}
    <details id="meeting-defects" ${defects.length ? 'open' : ''}><summary>${escape(t('defectsOf', defects.length))}</summary>${defectList}</details>
    <details id="meeting-tasks"><summary>${escape(t('tasksOf', meeting.tasks.length))}</summary>${tasks}</details>
    <details id="meeting-history"><summary>${escape(t('historyOf', history.length))}</summary>
      <div class="scroll"><table class="plain"><caption class="visually-hidden">${escape(t('historyOf', history.length))}</caption><thead><tr><th scope="col">${escape(t('at'))}</th><th scope="col">${escape(t('step'))}</th><th scope="col">${escape(t('actor'))}</th></tr></thead><tbody>${historyRows}</tbody></table></div>
    </details>`;
}
