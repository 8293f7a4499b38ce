// Forms that take one meeting through draft → adopted → assigned → reported → inspected. The
// form shown follows the meeting's state as the library reports it; each button builds one
// command (docs/json.md) and hands it to the library, which accepts it or refuses it. The
// defaults filled in (the cell's secretary as the actor, every member present, one task each) are
// only suggestions, and no vote is filled in: each present member's ballot is chosen. The library
// decides.
import { t } from './i18n.js';
import { forgetTyping, keepTyping } from './typing.js';

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
/** The later of a suggested time and an hour after the meeting's last recorded step (both
 * `datetime-local` values in Vietnam's time, which compare as text): a suggestion never dates a
 * step before the one it follows. */
function notBefore(suggested, last) {
  if (!last) return suggested;
  const hourAfter = addMinutes(last, 60);
  return hourAfter > suggested ? hourAfter : suggested;
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
  const lastStep = meeting ? commune.history(meeting.id).at(-1) : null;
  const last = lastStep ? local(new Date(lastStep.at)) : null;

  const stepper = `<ol id="stepper" data-state="${state ?? 'none'}" aria-label="${escape(t('steps'))}">${STATES.map((s, i) => {
    const now = s === state;
    const past = state && STATES.indexOf(s) < STATES.indexOf(state);
    return `<li class="${now ? 'current' : ''}${past ? ' past' : ''}"${now ? ' aria-current="step"' : ''}><span class="num">${i + 1}</span> ${escape(t('states')[s])}${past ? ` <span class="visually-hidden">(${escape(t('stepDone'))})</span>` : ''}</li>`;
  }).join('')}</ol>`;
  const heading = meeting ? '' : `<p class="meeting-line">${escape(t('newMeeting'))}</p>`;

  let body;
  if (!meeting) body = draftForm(commune, organisation, nameOf, app.draftFor);
  else if (state === 'draft') body = draftedForms(meeting, organisation, nameOf, commune.summary('meetings', meeting.id).failed_sittings);
  else if (state === 'adopted') body = assignForm(meeting, organisation, nameOf, last);
  else if (state === 'assigned') body = reportForm(meeting, commune, nameOf, last);
  else if (state === 'reported') body = inspectForm(meeting, organisation, nameOf, commune.openRemedies(meeting.cell), last);
  else body = `<p id="lifecycle-done">${escape(t('done'))}</p><button type="button" id="another">${escape(t('another'))}</button>`;
  root.innerHTML = stepper + heading + body;
  wire(root, app, commune, organisation, meeting);
  keepTyping(root, meeting?.id, state, t('typingRestored'));
}

function draftForm(commune, organisation, nameOf, draftFor) {
  const cells = Object.keys(organisation.cells);
  const directives = Object.values(commune.directives());
  // The directive form offers the month after the latest directive; the draft, the latest one
  // (or the cell and month asked for from the dashboard).
  const newest = directives.map((d) => d.month).sort().at(-1) ?? '2025-12';
  const latest = draftFor?.month || newest;
  const next = nextMonth(newest);
  const cell = draftFor?.cell ?? cells[0] ?? '';
  const secretary = organisation.cells[cell]?.leadership.secretary ?? '';
  // Suggested times: drafted after the month's directive was issued, held some days later.
  const issued = directives.find((d) => d.month === latest)?.issued_at;
  const draftedAt = notBefore(`${latest}-01T08:00`, issued ? local(new Date(issued)) : null);
  const scheduledAt = [`${latest}-05T07:30`, addDays(draftedAt, 4)].sort().at(-1);
  const standing = organisation.committees.standing?.[0] ?? organisation.registrar;
  const everyone = Object.keys(organisation.members);
  return `
  <form id="directive-form" class="step">
    <h3>${escape(t('issueDirective'))}</h3>
    ${select('actor', t('actor'), everyone, standing, nameOf)}
    ${field('at', t('at'), `${newest}-28T08:00`, 'datetime-local')}
    ${field('month', t('month'), next, 'month')}
    ${field('directive', t('directive'), `cd-${next}`)}
    <label>${escape(t('directiveContent'))} <textarea name="content">Triển khai nhiệm vụ tháng ${next.slice(5)}/${next.slice(0, 4)}: sản xuất vụ đông xuân, chăm lo Tết cho các gia đình chính sách.</textarea></label>
    <button type="submit" id="issue-directive">${escape(t('issueDirective'))}</button>
  </form>
  <form id="draft-form" class="step">
    <h3>${escape(t('draft'))}</h3>
    ${select('cell', t('cell'), cells, cell, (c) => organisation.cells[c].name)}
    ${select('actor', t('actor'), everyone, secretary, nameOf)}
    ${field('at', t('at'), draftedAt, 'datetime-local')}
    ${field('month', t('month'), latest, 'month')}
    ${field('meeting', t('meeting'), `${cell}-${latest}`)}
    ${field('directive', t('directive'), directives.find((d) => d.month === latest)?.id ?? `cd-${latest}`)}
    <label>${escape(t('content'))} <textarea name="content">Đánh giá kết quả tháng trước; triển khai nhiệm vụ tháng ${latest.slice(5)} theo chỉ đạo của Đảng ủy.</textarea></label>
    <label>${escape(t('items'))} <textarea name="items">Hoàn thành gieo cấy vụ đông xuân đúng lịch
Thăm hỏi, tặng quà các gia đình chính sách dịp Tết
Giữ gìn an ninh trật tự trên địa bàn</textarea></label>
    ${field('scheduled_at', t('scheduledAt'), scheduledAt, 'datetime-local')}
    ${field('place', t('place'), 'Nhà văn hóa thôn')}
    <button type="submit" id="draft">${escape(t('draft'))}</button>
  </form>`;
}

/** The draft's forms; after `sittings` sittings that did not adopt it, the next one is suggested
 * that many days after the scheduled time. No ballot is filled in. */
function draftedForms(meeting, organisation, nameOf, sittings) {
  const cell = organisation.cells[meeting.cell];
  const scheduled = addDays(local(meeting.scheduledAt), sittings);
  const before = addDays(scheduled, -2);
  const end = addMinutes(scheduled, 120);
  const everyone = Object.keys(organisation.members);
  const roll = activeMembers(cell, organisation);
  const statusOf = (m) => t('memberStatus')[m.status] ?? m.status;
  const rows = roll.map((id) => {
    const m = organisation.members[id];
    const name = m.name ?? id;
    const present = m.exempted ? 'absent_excused' : 'present';
    return `<tr data-member="${escape(id)}"><th scope="row">${escape(name)}<br><small>${escape(statusOf(m))}${m.exempted ? ` · ${escape(t('exempted'))}` : ''}</small></th>
      <td data-label="${escape(t('attendanceCol'))}"><select name="attendance" aria-label="${escape(`${t('attendanceCol')}: ${name}`)}">${options(['present', 'absent_excused', 'absent_unexcused'], present, (v) => t('attendanceValues')[v])}</select></td>
      <td data-label="${escape(t('reason'))}"><input name="reason" aria-label="${escape(`${t('reason')}: ${name}`)}" value="${m.exempted ? escape(t('exemptReason')) : ''}"></td>
      <td data-label="${escape(t('vote'))}"><select name="vote" aria-label="${escape(`${t('vote')}: ${name}`)}"><option value="" selected>${escape(t('choose'))}</option>${options(['yes', 'no', 'abstain', 'none'], '', (v) => t('voteValues')[v])}</select></td></tr>`;
  }).join('');
  const speaker = (n) => `<tr><td data-label="${escape(t('speaker'))}"><select name="speaker" aria-label="${escape(`${t('speaker')} ${n}`)}"><option value="">${escape(t('choose'))}</option>${options(roll, '', nameOf)}</select></td>
      <td data-label="${escape(t('gist'))}"><input name="gist" aria-label="${escape(`${t('gist')} ${n}`)}"></td></tr>`;
  const month = meeting.month;
  const leaders = [cell.leadership.secretary, cell.leadership.deputy, ...cell.leadership.committee].filter(Boolean);
  return `
  <form id="prepare-form" class="step">
    <h3>${escape(t('prepare'))} · ${escape(t('notice'))} · ${escape(t('documents'))}</h3>
    ${select('actor', t('actor'), everyone, meeting.author, nameOf)}
    ${field('at', t('at'), before, 'datetime-local')}
    ${field('agreed', t('agreed'), 'Thống nhất nội dung, dự thảo nghị quyết và phân công chuẩn bị')}
    ${field('document', t('document'), `Dự thảo nghị quyết tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`)}
    <button type="button" id="prepare" data-attendees="${escape([...new Set(leaders)].join(' '))}">${escape(t('prepare'))}</button>
    <button type="button" id="notice">${escape(t('notice'))}</button>
    <button type="button" id="documents">${escape(t('documents'))}</button>
  </form>
  <form id="record-form" class="step" novalidate>
    <h3>${escape(t('record'))}</h3>
    ${select('actor', t('actor'), everyone, meeting.author, nameOf)}
    ${field('started_at', t('startedAt'), scheduled, 'datetime-local')}
    ${field('ended_at', t('endedAt'), end, 'datetime-local')}
    ${select('chair', t('chair'), roll, cell.leadership.secretary ?? roll[0], nameOf)}
    ${select('recorder', t('recorder'), roll, cell.leadership.deputy ?? roll[1] ?? roll[0], nameOf)}
    <label class="wide">${escape(t('agenda'))} <textarea name="agenda">${escape(t('agendaDefault', month))}</textarea></label>
    <fieldset class="wide"><legend>${escape(t('speeches'))}</legend>
      <div class="scroll"><table class="speeches"><thead><tr><th scope="col">${escape(t('speaker'))}</th><th scope="col">${escape(t('gist'))}</th></tr></thead>
      <tbody>${[1, 2, 3].map(speaker).join('')}</tbody></table></div>
      <button type="button" id="add-speech" class="secondary">${escape(t('addSpeech'))}</button>
    </fieldset>
    <label class="wide">${escape(t('conclusions'))} <textarea name="conclusions"></textarea></label>
    <fieldset class="wide"><legend>${escape(t('rollAndVote'))}</legend>
      <p class="hint">${escape(t('voteHint'))}</p>
      <button type="button" id="all-for" class="secondary">${escape(t('allFor'))}</button>
      <div class="scroll"><table class="roll"><thead><tr><th scope="col">${escape(t('member'))}</th><th scope="col">${escape(t('attendanceCol'))}</th><th scope="col">${escape(t('reason'))}</th><th scope="col">${escape(t('vote'))}</th></tr></thead><tbody>${rows}</tbody></table></div>
    </fieldset>
    <p id="record-missing" class="missing" role="alert" hidden></p>
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

function assignForm(meeting, organisation, nameOf, last) {
  const cell = organisation.cells[meeting.cell];
  const owners = activeMembers(cell, organisation).filter((id) => {
    const m = organisation.members[id];
    return !m.exempted && !m.suspended;
  });
  const items = meeting.resolutionItems;
  const deadline = lastDay(meeting.month);
  const rows = owners.map((id, i) => `<tr data-owner="${escape(id)}"><th scope="row">${escape(nameOf(id))}</th>
    <td data-label="${escape(t('task'))}"><input name="task" aria-label="${escape(`${t('task')}: ${nameOf(id)}`)}" value="${escape(`${meeting.id}-t${String(i + 1).padStart(2, '0')}`)}"></td>
    <td data-label="${escape(t('content'))}"><input name="content" aria-label="${escape(`${t('content')}: ${nameOf(id)}`)}" value="${escape(items[i % items.length] ?? '')}"></td>
    <td data-label="${escape(t('item'))}"><select name="item" aria-label="${escape(`${t('item')}: ${nameOf(id)}`)}">${options(items.map((_, n) => String(n + 1)), String((i % items.length) + 1))}</select></td>
    <td data-label="${escape(t('deadline'))}"><input name="deadline" type="date" aria-label="${escape(`${t('deadline')}: ${nameOf(id)}`)}" value="${deadline}"></td></tr>`).join('');
  return `
  <form id="assign-form" class="step">
    <h3>${escape(t('assign'))}</h3>
    ${select('actor', t('actor'), Object.keys(organisation.members), cell.leadership.secretary ?? meeting.author, nameOf)}
    ${field('at', t('at'), notBefore(local(meeting.endedAt), last), 'datetime-local')}
    <div class="scroll"><table class="tasks"><thead><tr><th scope="col">${escape(t('member'))}</th><th scope="col">${escape(t('task'))}</th><th scope="col">${escape(t('content'))}</th><th scope="col">${escape(t('item'))}</th><th scope="col">${escape(t('deadline'))}</th></tr></thead><tbody>${rows}</tbody></table></div>
    <button type="submit" id="assign">${escape(t('assign'))}</button>
  </form>`;
}

function reportForm(meeting, commune, nameOf, last) {
  const rows = meeting.tasks.map((id) => {
    const task = commune.summary('tasks', id);
    return `<tr data-task="${escape(id)}" data-owner="${escape(task.owner)}" data-state="${escape(task.state)}"><th scope="row">${escape(id)}</th><td>${escape(nameOf(task.owner))}</td>
      <td data-label="${escape(t('outcome'))}"><select name="outcome" aria-label="${escape(`${t('outcome')}: ${id}`)}">${options(['exceeded', 'on_time', 'late', 'not_done'], 'on_time', (v) => t('outcomes')[v])}</select></td>
      <td data-label="${escape(t('reason'))}"><input name="reason" aria-label="${escape(`${t('reason')}: ${id}`)}"></td><td class="task-state" data-label="${escape(t('taskState'))}">${escape(task.outcome ? t('outcomes')[task.outcome] : t('taskStates')[task.state] ?? task.state)}</td></tr>`;
  }).join('');
  const organisation = commune.organisation();
  const cell = organisation.cells[meeting.cell];
  return `
  <form id="report-form" class="step">
    <h3>${escape(t('report'))}</h3>
    ${select('actor', t('actor'), Object.keys(organisation.members), cell.leadership.secretary ?? meeting.author, nameOf)}
    ${field('at', t('at'), notBefore(`${nextMonth(meeting.month)}-03T19:00`, last), 'datetime-local')}
    <div class="scroll"><table class="tasks"><thead><tr><th scope="col">${escape(t('task'))}</th><th scope="col">${escape(t('member'))}</th><th scope="col">${escape(t('outcome'))}</th><th scope="col">${escape(t('reason'))}</th><th scope="col">${escape(t('taskState'))}</th></tr></thead><tbody>${rows}</tbody></table></div>
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

function inspectForm(meeting, organisation, nameOf, open, last) {
  const committees = organisation.committees;
  const inspectors = committees.inspection?.length ? committees.inspection : (committees.standing ?? []);
  const everyone = Object.keys(organisation.members);
  return `
  <form id="inspect-form" class="step">
    <h3>${escape(t('inspection'))}</h3>
    ${select('actor', t('actor'), everyone, inspectors[0], nameOf)}
    ${field('at', t('at'), notBefore(`${nextMonth(meeting.month)}-10T08:00`, last), 'datetime-local')}
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
    if (node) {
      node.addEventListener(event, (e) => {
        e.preventDefault();
        const form = e.target.closest('form') ?? e.target.form;
        // What was typed is forgotten once the step is accepted (kept while it is refused).
        Promise.resolve(handler(form)).then((ok) => { if (ok === true) forgetTyping(meeting?.id, meeting?.state, form); });
      });
    }
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
    return ok;
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
  const linesOf = (form, name) => value(form, name).split('\n').map((l) => l.trim()).filter(Boolean);
  root.querySelector('#add-speech')?.addEventListener('click', (e) => {
    const body = root.querySelector('#record-form table.speeches tbody');
    const row = body.lastElementChild.cloneNode(true);
    const n = body.children.length + 1;
    for (const control of row.querySelectorAll('select, input')) {
      control.value = '';
      control.setAttribute('aria-label', control.getAttribute('aria-label').replace(/\d+$/, String(n)));
    }
    body.append(row);
    e.preventDefault();
  });
  // The clerk's explicit choice for the whole room: every member marked present votes for.
  root.querySelector('#all-for')?.addEventListener('click', (e) => {
    for (const row of root.querySelectorAll('#record-form tr[data-member]')) {
      if (row.querySelector('[name=attendance]').value === 'present') {
        const vote = row.querySelector('[name=vote]');
        vote.value = 'yes';
        vote.dispatchEvent(new Event('change', { bubbles: true })); // kept like a ballot chosen by hand
      }
    }
    e.preventDefault();
  });
  on('#record-form', 'submit', (form) => {
    const roll = []; const vote = { yes: [], no: [], abstain: [] };
    const unchosen = [];
    for (const row of form.querySelectorAll('tr[data-member]')) {
      const member = row.dataset.member;
      const attendance = row.querySelector('[name=attendance]').value;
      const reason = row.querySelector('[name=reason]').value;
      roll.push({ member, attendance: attendance === 'absent_excused' ? { absent_excused: { reason } } : attendance });
      const choice = row.querySelector('[name=vote]').value;
      if (choice === '' && attendance === 'present') unchosen.push(row);
      if (choice !== '' && choice !== 'none') vote[choice].push(member);
    }
    const missing = form.querySelector('#record-missing');
    if (unchosen.length) {
      // Nothing is sent: every present member's ballot must be chosen (or "no ballot").
      missing.hidden = false;
      missing.textContent = t('votesMissing', unchosen.map((row) => row.querySelector('th').firstChild.textContent).join(', '));
      unchosen[0].querySelector('[name=vote]').focus();
      return;
    }
    missing.hidden = true;
    const speeches = [...form.querySelectorAll('table.speeches tbody tr')]
      .map((row) => ({ member: row.querySelector('[name=speaker]').value, gist: row.querySelector('[name=gist]').value.trim() }))
      .filter((s) => s.member && s.gist);
    // The minutes are recorded when the meeting ends.
    return app.run([{ ...command(form, { record_meeting: { meeting: id, record: {
      started_at: stamp(value(form, 'started_at')), ended_at: stamp(value(form, 'ended_at')),
      place: meeting.place, chair: value(form, 'chair'), recorder: value(form, 'recorder'), roll,
      agenda: linesOf(form, 'agenda'), speeches, conclusions: linesOf(form, 'conclusions'), vote } } }),
    at: stamp(value(form, 'ended_at')) }], t('record'));
  });
  on('#assign-form', 'submit', (form) => {
    const tasks = [...form.querySelectorAll('tr[data-owner]')].map((row) => ({
      task: row.querySelector('[name=task]').value, owner: row.dataset.owner,
      content: row.querySelector('[name=content]').value, item: Number(row.querySelector('[name=item]').value),
      deadline: row.querySelector('[name=deadline]').value }));
    return app.run([command(form, { assign_tasks: { meeting: id, tasks } })], t('assign'));
  });
  on('#report-form', 'submit', (form) => {
    const commands = [...form.querySelectorAll('tr[data-task][data-state=assigned]')].map((row) => {
      const outcome = row.querySelector('[name=outcome]').value;
      const reason = row.querySelector('[name=reason]').value;
      // Each member reports their own task; the acting member closes the reporting.
      return { ...command(form, { report_task: { task: row.dataset.task,
        outcome: outcome === 'not_done' ? { not_done: { reason } } : outcome } }), actor: row.dataset.owner };
    });
    return app.run(commands, t('report'));
  });
  on('#close', 'click', (form) => app.run([command(form, { close_reporting: { meeting: id } })], t('close')));
  on('#open-inspection', 'click', (form) => app.run([command(form, { open_inspection: {
    inspection: value(form, 'inspection'), cell: meeting.cell, kind: 'regular_supervision',
    meetings: [id], inspectors: [value(form, 'inspector')] } })], t('open')));
  on('#inspect-form', 'submit', (form) => {
    const inspection = value(form, 'inspection');
    const later = (hours) => stamp(addMinutes(value(form, 'at'), hours * 60));
    return app.run([
      { ...command(form, { record_finding: { inspection, criterion: 'resolution_each_meeting', satisfactory: true, text: value(form, 'finding') } }), at: later(1) },
      { ...command(form, { conclude_inspection: { inspection, conclusion: value(form, 'conclusion'),
        open_remedies: [...form.querySelectorAll('[data-remediation]')].map((label) => ({
          remediation: label.dataset.remediation, note: label.querySelector('textarea').value })) } }), at: later(2) },
    ], t('conclude'));
  });
}
