// Forms that take one meeting through draft → adopted → assigned → reported → inspected. The
// form shown follows the meeting's state as the library reports it; each button builds one
// command (docs/json.md) and hands it to the library, which accepts it or refuses it. The
// defaults filled in (the cell's secretary as the actor, every member present and voting for,
// one task each) are only suggestions: the library decides.
import { t } from './i18n.js';

const STATES = ['draft', 'adopted', 'assigned', 'reported', 'inspected'];

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A `datetime-local` value as an RFC 3339 timestamp in Vietnam (+07:00). */
const stamp = (local) => (local.length === 16 ? `${local}:00+07:00` : `${local}+07:00`);
/** Vietnam's time, as a `datetime-local` value (`YYYY-MM-DDTHH:MM`) reads it. */
const VIETNAM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
/** A timestamp as a `datetime-local` value in Vietnam. */
function local(date) {
  return VIETNAM.format(date).replace(' ', 'T');
}
/** A `datetime-local` value moved by whole minutes (Vietnam keeps one offset all year, so the
 * wall-clock arithmetic is exact), carrying into the next day or month as a clock does. */
function addMinutes(localValue, minutes) {
  const date = new Date(`${localValue}:00Z`);
  date.setUTCMinutes(date.getUTCMinutes() + minutes);
  return date.toISOString().slice(0, 16);
}
function addDays(localValue, days) {
  return addMinutes(localValue, days * 24 * 60);
}
function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
function nextMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const field = (name, label, value, type = 'text') =>
  `<label>${escape(label)} <input name="${name}" type="${type}" value="${escape(value)}"></label>`;
const options = (values, selected, labelOf = (v) => v) =>
  values.map((v) => `<option value="${escape(v)}"${v === selected ? ' selected' : ''}>${escape(labelOf(v))}</option>`).join('');
const select = (name, label, values, selected, labelOf) =>
  `<label>${escape(label)} <select name="${name}">${options(values, selected, labelOf)}</select></label>`;

/**
 * The lifecycle panel. `app` gives `commune()` (the current Commune), `run(commands, what)`
 * (executes commands in order, shows the result; true when all were accepted) and `meetingId`.
 */
export function renderLifecycle(root, app) {
  const commune = app.commune();
  const organisation = commune.organisation();
  const members = organisation.members;
  const nameOf = (id) => (members[id] ? `${members[id].name} (${id})` : id);
  let meeting = null;
  if (app.meetingId && commune.meetingIds().includes(app.meetingId)) meeting = commune.meeting(app.meetingId);
  const state = meeting ? meeting.state : null;

  const stepper = `<ol id="stepper" data-state="${state ?? 'none'}">${STATES.map((s) =>
    `<li class="${s === state ? 'current' : ''}${state && STATES.indexOf(s) < STATES.indexOf(state) ? ' past' : ''}">${escape(t('states')[s])}</li>`).join('')}</ol>`;
  const heading = meeting
    ? `<p class="meeting-line">${escape(t('meeting'))}: <b id="meeting-id">${escape(meeting.id)}</b> · ${escape(organisation.cells[meeting.cell]?.name ?? meeting.cell)} · ${escape(meeting.month)} · <span id="meeting-state">${escape(t('states')[state])}</span></p>`
    : '';

  let body;
  if (!meeting) body = draftForm(commune, organisation, nameOf);
  else if (state === 'draft') body = draftedForms(meeting, organisation, nameOf, commune.summary('meetings', meeting.id).failed_sittings);
  else if (state === 'adopted') body = assignForm(meeting, organisation, nameOf);
  else if (state === 'assigned') body = reportForm(meeting, commune, nameOf);
  else if (state === 'reported') body = inspectForm(meeting, organisation, nameOf, commune.openRemedies(meeting.cell));
  else body = `<p id="lifecycle-done">${escape(t('done'))}</p><button type="button" id="another">${escape(t('another'))}</button>`;
  root.innerHTML = stepper + heading + body;
  wire(root, app, commune, organisation, meeting);
}

function draftForm(commune, organisation, nameOf) {
  const cells = Object.keys(organisation.cells);
  const directives = Object.values(commune.directives());
  // The directive form offers the month after the latest directive; the draft, the latest one.
  const latest = directives.map((d) => d.month).sort().at(-1) ?? '2025-12';
  const next = nextMonth(latest);
  const cell = cells[0] ?? '';
  const secretary = organisation.cells[cell]?.leadership.secretary ?? '';
  const standing = organisation.committees.standing?.[0] ?? organisation.registrar;
  const everyone = Object.keys(organisation.members);
  return `
  <form id="directive-form" class="step">
    <h3>${escape(t('issueDirective'))}</h3>
    ${select('actor', t('actor'), everyone, standing, nameOf)}
    ${field('at', t('at'), `${latest}-28T08:00`, 'datetime-local')}
    ${field('month', t('month'), next, 'month')}
    ${field('directive', t('directive'), `cd-${next}`)}
    <label>${escape(t('directiveContent'))} <textarea name="content">Triển khai nhiệm vụ tháng ${next.slice(5)}/${next.slice(0, 4)}: sản xuất vụ đông xuân, chăm lo Tết cho các gia đình chính sách.</textarea></label>
    <button type="submit" id="issue-directive">${escape(t('issueDirective'))}</button>
  </form>
  <form id="draft-form" class="step">
    <h3>${escape(t('draft'))}</h3>
    ${select('cell', t('cell'), cells, cell, (c) => organisation.cells[c].name)}
    ${select('actor', t('actor'), everyone, secretary, nameOf)}
    ${field('at', t('at'), `${latest}-01T08:00`, 'datetime-local')}
    ${field('month', t('month'), latest, 'month')}
    ${field('meeting', t('meeting'), `${cell}-${latest}`)}
    ${field('directive', t('directive'), directives.find((d) => d.month === latest)?.id ?? `cd-${latest}`)}
    <label>${escape(t('content'))} <textarea name="content">Đánh giá kết quả tháng trước; triển khai nhiệm vụ tháng ${latest.slice(5)} theo chỉ đạo của Đảng ủy.</textarea></label>
    <label>${escape(t('items'))} <textarea name="items">Hoàn thành gieo cấy vụ đông xuân đúng lịch
Thăm hỏi, tặng quà các gia đình chính sách dịp Tết
Giữ gìn an ninh trật tự trên địa bàn</textarea></label>
    ${field('scheduled_at', t('scheduledAt'), `${latest}-05T07:30`, 'datetime-local')}
    ${field('place', t('place'), 'Nhà văn hóa thôn')}
    <button type="submit" id="draft">${escape(t('draft'))}</button>
  </form>`;
}

/** The draft's forms; after `sittings` sittings that did not adopt it, the next one is suggested
 * that many days after the scheduled time. */
function draftedForms(meeting, organisation, nameOf, sittings) {
  const cell = organisation.cells[meeting.cell];
  const scheduled = addDays(local(meeting.scheduledAt), sittings);
  const before = addDays(scheduled, -2);
  const end = addMinutes(scheduled, 120);
  const everyone = Object.keys(organisation.members);
  const roll = activeMembers(cell, organisation);
  const rows = roll.map((id) => {
    const m = organisation.members[id];
    const present = m.exempted ? 'absent_excused' : 'present';
    const vote = present === 'present' && m.status === 'official' ? 'yes' : 'none';
    return `<tr data-member="${escape(id)}"><td>${escape(nameOf(id))}</td>
      <td><select name="attendance">${options(['present', 'absent_excused', 'absent_unexcused'], present, (v) => t('attendanceValues')[v])}</select></td>
      <td><input name="reason" value="${m.exempted ? 'được miễn sinh hoạt' : ''}"></td>
      <td><select name="vote">${options(['yes', 'no', 'abstain', 'none'], vote, (v) => t('voteValues')[v])}</select></td></tr>`;
  }).join('');
  const leaders = [cell.leadership.secretary, cell.leadership.deputy, ...cell.leadership.committee].filter(Boolean);
  return `
  <form id="prepare-form" class="step">
    <h3>${escape(t('prepare'))} · ${escape(t('notice'))} · ${escape(t('documents'))}</h3>
    ${select('actor', t('actor'), everyone, meeting.author, nameOf)}
    ${field('at', t('at'), before, 'datetime-local')}
    ${field('agreed', t('agreed'), 'Thống nhất nội dung, dự thảo nghị quyết và phân công chuẩn bị')}
    ${field('document', t('document'), 'Dự thảo nghị quyết tháng')}
    <button type="button" id="prepare" data-attendees="${escape([...new Set(leaders)].join(' '))}">${escape(t('prepare'))}</button>
    <button type="button" id="notice">${escape(t('notice'))}</button>
    <button type="button" id="documents">${escape(t('documents'))}</button>
  </form>
  <form id="record-form" class="step">
    <h3>${escape(t('record'))}</h3>
    ${select('actor', t('actor'), everyone, meeting.author, nameOf)}
    ${field('started_at', t('startedAt'), scheduled, 'datetime-local')}
    ${field('ended_at', t('endedAt'), end, 'datetime-local')}
    ${select('chair', t('chair'), roll, cell.leadership.secretary ?? roll[0], nameOf)}
    ${select('recorder', t('recorder'), roll, cell.leadership.deputy ?? roll[1] ?? roll[0], nameOf)}
    <table class="roll"><thead><tr><th>${escape(t('member'))}</th><th>${escape(t('attendanceCol'))}</th><th>${escape(t('reason'))}</th><th>${escape(t('vote'))}</th></tr></thead><tbody>${rows}</tbody></table>
    <button type="submit" id="record">${escape(t('record'))}</button>
  </form>`;
}

/** The cell's members still on its roll (not departed, not transferred out). */
function activeMembers(cell, organisation) {
  return cell.members.filter((id) => {
    const m = organisation.members[id];
    return m && !m.left_on && !m.transferred;
  });
}

function assignForm(meeting, organisation, nameOf) {
  const cell = organisation.cells[meeting.cell];
  const owners = activeMembers(cell, organisation).filter((id) => {
    const m = organisation.members[id];
    return !m.exempted && !m.suspended;
  });
  const items = meeting.resolutionItems;
  const deadline = lastDay(meeting.month);
  const rows = owners.map((id, i) => `<tr data-owner="${escape(id)}"><td>${escape(nameOf(id))}</td>
    <td><input name="task" value="${escape(`${meeting.id}-t${String(i + 1).padStart(2, '0')}`)}"></td>
    <td><input name="content" value="${escape(items[i % items.length] ?? '')}"></td>
    <td><select name="item">${options(items.map((_, n) => String(n + 1)), String((i % items.length) + 1))}</select></td>
    <td><input name="deadline" type="date" value="${deadline}"></td></tr>`).join('');
  return `
  <form id="assign-form" class="step">
    <h3>${escape(t('assign'))}</h3>
    ${select('actor', t('actor'), Object.keys(organisation.members), cell.leadership.secretary ?? meeting.author, nameOf)}
    ${field('at', t('at'), addDays(local(meeting.endedAt), 0), 'datetime-local')}
    <table class="tasks"><thead><tr><th>${escape(t('member'))}</th><th>${escape(t('task'))}</th><th>${escape(t('content'))}</th><th>${escape(t('item'))}</th><th>${escape(t('deadline'))}</th></tr></thead><tbody>${rows}</tbody></table>
    <button type="submit" id="assign">${escape(t('assign'))}</button>
  </form>`;
}

function reportForm(meeting, commune, nameOf) {
  const rows = meeting.tasks.map((id) => {
    const task = commune.summary('tasks', id);
    return `<tr data-task="${escape(id)}" data-owner="${escape(task.owner)}" data-state="${escape(task.state)}"><td>${escape(id)}</td><td>${escape(nameOf(task.owner))}</td>
      <td><select name="outcome">${options(['exceeded', 'on_time', 'late', 'not_done'], 'on_time', (v) => t('outcomes')[v])}</select></td>
      <td><input name="reason" placeholder="${escape(t('reason'))}"></td><td class="task-state">${escape(task.outcome ?? task.state)}</td></tr>`;
  }).join('');
  const organisation = commune.organisation();
  const cell = organisation.cells[meeting.cell];
  return `
  <form id="report-form" class="step">
    <h3>${escape(t('report'))}</h3>
    ${select('actor', t('actor'), Object.keys(organisation.members), cell.leadership.secretary ?? meeting.author, nameOf)}
    ${field('at', t('at'), `${nextMonth(meeting.month)}-03T19:00`, 'datetime-local')}
    <table class="tasks"><thead><tr><th>${escape(t('task'))}</th><th>${escape(t('member'))}</th><th>${escape(t('outcome'))}</th><th>${escape(t('reason'))}</th><th></th></tr></thead><tbody>${rows}</tbody></table>
    <button type="submit" id="report">${escape(t('report'))}</button>
    <button type="button" id="close">${escape(t('close'))}</button>
  </form>`;
}

/** The cell's remedies not yet verified: the conclusion says what the inspectors found of each (R-62). */
function openRemediesFields(open) {
  if (!open.length) return '';
  return `<fieldset class="open-remedies"><legend>${escape(t('openRemedies'))}</legend>
    ${open.map((r) => `<label data-remediation="${escape(r.id)}">${escape(r.requirement)} (${escape(r.deadline)})
      <textarea name="remedy-note" required>${escape(t('openRemedyNote'))}</textarea></label>`).join('')}
  </fieldset>`;
}

function inspectForm(meeting, organisation, nameOf, open) {
  const committees = organisation.committees;
  const inspectors = committees.inspection?.length ? committees.inspection : (committees.standing ?? []);
  const everyone = Object.keys(organisation.members);
  return `
  <form id="inspect-form" class="step">
    <h3>${escape(t('inspection'))}</h3>
    ${select('actor', t('actor'), everyone, inspectors[0], nameOf)}
    ${field('at', t('at'), `${nextMonth(meeting.month)}-10T08:00`, 'datetime-local')}
    ${field('inspection', t('inspection'), `gs-${meeting.id}`)}
    ${select('inspector', t('inspectors'), everyone, inspectors[0], nameOf)}
    <button type="button" id="open-inspection">${escape(t('open'))}</button>
    <label>${escape(t('finding'))} <input name="finding" value="Nghị quyết có đủ các điểm, phân công đến từng đảng viên."></label>
    <label>${escape(t('conclusion'))} <textarea name="conclusion">Chi bộ thực hiện đúng quy trình sinh hoạt; đảng viên hoàn thành nhiệm vụ được giao.</textarea></label>
    ${openRemediesFields(open)}
    <button type="submit" id="conclude">${escape(t('conclude'))}</button>
  </form>`;
}

const value = (form, name) => form.elements.namedItem(name).value;
const command = (form, action) => ({ actor: value(form, 'actor'), at: form.elements.namedItem('at') ? stamp(value(form, 'at')) : undefined, action });

function wire(root, app, commune, organisation, meeting) {
  const on = (id, event, handler) => {
    const node = root.querySelector(id);
    if (node) node.addEventListener(event, (e) => { e.preventDefault(); handler(e.target.closest('form') ?? e.target.form); });
  };
  on('#directive-form', 'submit', (form) => app.run([command(form, { issue_directive: {
    directive: value(form, 'directive'), month: value(form, 'month'), content: value(form, 'content') } })], t('issueDirective')));
  on('#draft-form', 'submit', (form) => {
    const id = value(form, 'meeting');
    const ok = app.run([command(form, { draft_meeting: {
      meeting: id, cell: value(form, 'cell'), month: value(form, 'month'), kind: 'regular',
      directive: value(form, 'directive'), content: value(form, 'content'),
      resolution_items: value(form, 'items').split('\n').map((s) => s.trim()).filter(Boolean),
      scheduled_at: stamp(value(form, 'scheduled_at')), place: value(form, 'place') } })], t('draft'));
    if (ok) app.select(id);
  });
  const cellSelect = root.querySelector('#draft-form select[name=cell]');
  cellSelect?.addEventListener('change', () => {
    const form = cellSelect.form;
    form.elements.namedItem('meeting').value = `${cellSelect.value}-${value(form, 'month')}`;
    const secretary = organisation.cells[cellSelect.value]?.leadership.secretary;
    if (secretary) form.elements.namedItem('actor').value = secretary;
  });
  if (!meeting) return;
  root.querySelector('#another')?.addEventListener('click', () => app.select(null));
  const id = meeting.id;
  on('#prepare', 'click', (form) => app.run([command(form, { hold_preparatory_meeting: {
    meeting: id, attendees: root.querySelector('#prepare').dataset.attendees.split(' ').filter(Boolean), agreed: value(form, 'agreed') } })], t('prepare')));
  on('#notice', 'click', (form) => app.run([command(form, { send_notice: { meeting: id } })], t('notice')));
  on('#documents', 'click', (form) => app.run([command(form, { publish_documents: { meeting: id, documents: [value(form, 'document')] } })], t('documents')));
  on('#record-form', 'submit', (form) => {
    const roll = []; const vote = { yes: [], no: [], abstain: [] };
    for (const row of form.querySelectorAll('tr[data-member]')) {
      const member = row.dataset.member;
      const attendance = row.querySelector('[name=attendance]').value;
      const reason = row.querySelector('[name=reason]').value;
      roll.push({ member, attendance: attendance === 'absent_excused' ? { absent_excused: { reason } } : attendance });
      const choice = row.querySelector('[name=vote]').value;
      if (choice !== 'none') vote[choice].push(member);
    }
    // The minutes are recorded when the meeting ends.
    app.run([{ ...command(form, { record_meeting: { meeting: id, record: {
      started_at: stamp(value(form, 'started_at')), ended_at: stamp(value(form, 'ended_at')),
      place: meeting.place, chair: value(form, 'chair'), recorder: value(form, 'recorder'), roll, vote } } }),
    at: stamp(value(form, 'ended_at')) }], t('record'));
  });
  on('#assign-form', 'submit', (form) => {
    const tasks = [...form.querySelectorAll('tr[data-owner]')].map((row) => ({
      task: row.querySelector('[name=task]').value, owner: row.dataset.owner,
      content: row.querySelector('[name=content]').value, item: Number(row.querySelector('[name=item]').value),
      deadline: row.querySelector('[name=deadline]').value }));
    app.run([command(form, { assign_tasks: { meeting: id, tasks } })], t('assign'));
  });
  on('#report-form', 'submit', (form) => {
    const commands = [...form.querySelectorAll('tr[data-task][data-state=assigned]')].map((row) => {
      const outcome = row.querySelector('[name=outcome]').value;
      const reason = row.querySelector('[name=reason]').value;
      // Each member reports their own task; the acting member closes the reporting.
      return { ...command(form, { report_task: { task: row.dataset.task,
        outcome: outcome === 'not_done' ? { not_done: { reason } } : outcome } }), actor: row.dataset.owner };
    });
    app.run(commands, t('report'));
  });
  on('#close', 'click', (form) => app.run([command(form, { close_reporting: { meeting: id } })], t('close')));
  on('#open-inspection', 'click', (form) => app.run([command(form, { open_inspection: {
    inspection: value(form, 'inspection'), cell: meeting.cell, kind: 'regular_supervision',
    meetings: [id], inspectors: [value(form, 'inspector')] } })], t('open')));
  on('#inspect-form', 'submit', (form) => {
    const inspection = value(form, 'inspection');
    const later = (hours) => stamp(addMinutes(value(form, 'at'), hours * 60));
    app.run([
      { ...command(form, { record_finding: { inspection, criterion: 'resolution_each_meeting', satisfactory: true, text: value(form, 'finding') } }), at: later(1) },
      { ...command(form, { conclude_inspection: { inspection, conclusion: value(form, 'conclusion'),
        open_remedies: [...form.querySelectorAll('[data-remediation]')].map((label) => ({
          remediation: label.dataset.remediation, note: label.querySelector('textarea').value })) } }), at: later(2) },
    ], t('conclude'));
  });
}
