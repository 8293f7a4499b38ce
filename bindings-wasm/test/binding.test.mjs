// What the JavaScript border itself promises: Dates in and out, the error's shape, unreadable
// input refused (never a crash), the journal text that downloads and verifies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import chibo from './chibo.mjs';
import { setup, thrown } from './support.mjs';


function communeWith(...names) {
  const commune = new chibo.Commune();
  for (const name of names) for (const command of setup(name)) commune.execute(command);
  return commune;
}

test("a probationary member's vote is an Error with name, code, kind, both messages and the fields", () => {
  const commune = communeWith('commune', 'march_ready');
  const [record] = setup('march_adopted');
  const command = structuredClone(record);
  command.action.record_meeting.record.vote.yes.push('x1-07');
  const before = commune.stateJson();
  const error = thrown(() => commune.execute(command));
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'VoteError');
  assert.equal(error.code, 'vote.not_eligible');
  assert.equal(error.kind, 'vote');
  assert.match(error.messageVi, /dự bị/);
  assert.equal(error.message, error.messageEn);
  assert.deepEqual(error.fields, { member: 'x1-07', reason: 'probationary' });
  assert.equal(commune.stateJson(), before, 'a refused command changed the state');
  assert.equal(commune.meeting('m-2025-03').state, 'draft');
});

test("errorKinds() lists the core's kinds: each error's name and kind, and every code once", () => {
  const kinds = chibo.errorKinds();
  const vote = kinds.find((k) => k.kind === 'vote');
  assert.equal(vote.name, 'VoteError');
  assert.equal(vote.rules, 'R-34, R-36');
  assert.ok(vote.codes.includes('vote.not_eligible'));
  assert.equal(kinds.find((k) => k.kind === 'lookup').rules, null);
  const codes = kinds.flatMap((k) => k.codes);
  assert.deepEqual([...codes].sort(), chibo.errorCodes());
  for (const k of kinds) {
    assert.ok(k.codes.every((c) => c.startsWith(`${k.kind}.`)), k.kind);
    assert.match(k.name, /^[A-Z][a-z]+Error$/);
  }
});

test('a failed vote is recorded with its defect, and the meeting stays a draft', () => {
  const commune = communeWith('commune', 'march_ready');
  const [record] = setup('march_adopted');
  const command = structuredClone(record);
  command.action.record_meeting.record.vote = { yes: ['x1-bt', 'x1-pbt'], no: ['x1-03', 'x1-04', 'x1-05'] };
  commune.execute(command);
  const summary = commune.summary('meetings', 'm-2025-03');
  assert.equal(summary.state, 'draft');
  assert.equal(summary.failed_sittings, 1);
  assert.deepEqual(summary.defects, ['resolution_failed']);
  const minutes = commune.query({ minutes: { meeting: 'm-2025-03', language: 'en' } });
  assert.match(minutes.defects[0].message_en, /not adopted/);
});

test('a Date for `at` is written at +07:00 and read back as the same instant', () => {
  const commune = communeWith('commune');
  // 2025-02-27 12:00 UTC is 19:00 in Vietnam.
  const at = new Date(Date.UTC(2025, 1, 27, 12, 0, 0));
  const [draft] = setup('march_ready');
  const scheduled = new Date('2025-03-05T07:30:00+07:00');
  const command = { ...draft, at, action: { draft_meeting: { ...draft.action.draft_meeting, scheduled_at: scheduled } } };
  const line = commune.execute(command);
  assert.match(line, /"at":"2025-02-27T19:00:00\+07:00"/);
  assert.match(line, /"scheduled_at":"2025-03-05T07:30:00\+07:00"/);
  const meeting = commune.meeting('m-2025-03');
  assert.ok(meeting instanceof chibo.Meeting);
  assert.ok(meeting.draftedAt instanceof Date);
  assert.equal(meeting.draftedAt.getTime(), at.getTime());
  assert.equal(meeting.scheduledAt.getTime(), scheduled.getTime());
  assert.equal(meeting.startedAt, undefined);
  assert.equal(meeting.month, '2025-03');
  assert.equal(meeting.kind, 'regular');
  assert.deepEqual(meeting.tasks, []);
});

test('a Date late on the last day of a month stays in that month at +07:00', () => {
  const commune = communeWith('commune', 'march_ready', 'march_adopted', 'march_assigned');
  // 2025-03-31 20:00 UTC is already 1 April in Vietnam: the alert for an overdue task is due.
  const asOf = new Date(Date.UTC(2025, 2, 31, 20, 0, 0));
  const byDate = commune.alerts(asOf);
  assert.deepEqual(byDate, commune.alerts('2025-04-01'));
  assert.notDeepEqual(byDate, commune.alerts('2025-03-31'));
});

test('the held meeting has its start and end as Dates, and its tasks once assigned', () => {
  const commune = communeWith('commune', 'march_ready', 'march_adopted', 'march_assigned');
  const meeting = commune.meeting('m-2025-03');
  assert.equal(meeting.state, 'assigned');
  assert.equal(meeting.startedAt.toISOString(), '2025-03-05T00:30:00.000Z');
  assert.equal(meeting.endedAt.toISOString(), '2025-03-05T02:15:00.000Z');
  assert.equal(meeting.tasks.length, 6);
  assert.equal(meeting.toJSON().header.id, 'm-2025-03');
});

test('unreadable input is refused as input.malformed, never a crash', () => {
  const commune = communeWith('commune');
  const bad = [
    'not json',
    '{"actor": "vp"}',
    { actor: 'vp', at: new Date(NaN), action: { send_notice: { meeting: 'm' } } },
    { actor: 'vp', at: '2025-03-01T08:00:00+07:00', action: { send_notice: { meeting: () => 1 } } },
    { actor: 'vp', at: '2025-03-01T08:00:00+07:00', action: { send_notice: { meeting: Number.NaN } } },
    { actor: 'vp', at: '2025-03-01T08:00:00+07:00', action: { send_notice: { meeting: 10n } } },
    42,
    null,
    undefined,
  ];
  const deep = {};
  let cursor = deep;
  for (let i = 0; i < 1000; i += 1) cursor = cursor.next = {};
  bad.push(deep);
  const cyclic = { actor: 'vp', at: '2025-03-01T08:00:00+07:00' };
  cyclic.action = { send_notice: { meeting: cyclic } };
  bad.push(cyclic);
  for (const input of bad) {
    const error = thrown(() => commune.execute(input));
    assert.equal(error.code, 'input.malformed', `${String(input)}: ${error.message}`);
    assert.equal(error.name, 'InputError');
    assert.ok(error.messageVi.startsWith('Không đọc được lệnh'));
  }
  assert.equal(thrown(() => commune.query({ nonsense: {} })).code, 'input.malformed');
  assert.equal(thrown(() => commune.dashboard(true)).code, 'input.malformed');
  assert.equal(thrown(() => commune.summary('meetings', 'none')).name, 'LookupError');
  assert.equal(thrown(() => commune.meeting('none')).code, 'lookup.unknown');
});

test('a Date deep in a command, or an object with its own toJSON, is written as before', () => {
  const [draft] = setup('march_ready');
  const scheduled = new Date('2025-03-05T07:30:00+07:00');
  const plain = { ...draft, action: { draft_meeting: { ...draft.action.draft_meeting, scheduled_at: '2025-03-05T07:30:00+07:00' } } };
  const withDate = { ...draft, action: { draft_meeting: { ...draft.action.draft_meeting, scheduled_at: scheduled } } };
  const withToJson = { ...plain, toJSON() { return plain; } };
  const line = communeWith('commune').execute(plain);
  assert.equal(communeWith('commune').execute(withDate), line);
  assert.equal(communeWith('commune').execute(withToJson), line);
});

test('a command given as JSON text is the same as the object', () => {
  const a = communeWith('commune');
  const b = communeWith('commune');
  const [draft] = setup('march_ready');
  assert.equal(a.execute(JSON.stringify(draft)), b.execute(draft));
});

test('the journal text downloads, verifies, reloads, and a tampered copy is refused', () => {
  const commune = communeWith('commune', 'march_ready', 'march_adopted');
  const text = commune.journalText();
  assert.equal(text.split('\n').filter(Boolean).length, commune.length);
  assert.deepEqual(chibo.verify(text), commune.head);
  assert.deepEqual(chibo.verifySealed(text, commune.head), commune.head);
  const reloaded = chibo.Commune.load(text);
  assert.equal(reloaded.stateJson(), commune.stateJson());
  const tampered = text.replace('Nhà văn hóa xóm 1', 'Nhà văn hóa xóm 2');
  const error = thrown(() => chibo.verify(tampered));
  assert.equal(error.name, 'JournalError');
  assert.ok(error.code.startsWith('journal.'));
  assert.equal(thrown(() => chibo.Commune.load(tampered)).kind, 'journal');
  const shorter = text.split('\n').slice(0, 3).join('\n');
  assert.equal(thrown(() => chibo.verifySealed(shorter, commune.head)).code, 'journal.head_mismatch');
});

test('no record is lost loading a journal an editor or a crash left', () => {
  const commune = communeWith('commune', 'march_ready');
  const text = commune.journalText();
  // A torn last line: left out of the commune, its text handed back to keep.
  const torn = chibo.Commune.loadRecovering(text + '{"v":1,"seq":');
  assert.equal(torn.length, commune.length);
  assert.deepEqual(torn.recovered.torn, {
    line: commune.length + 1, offset: Buffer.byteLength(text), bytes: 13, text: '{"v":1,"seq":',
  });
  assert.equal(torn.recovered.newlineAdded, false);
  // A whole last record without its line feed is kept.
  const unterminated = chibo.Commune.loadRecovering(text.trimEnd());
  assert.equal(unterminated.length, commune.length);
  assert.deepEqual(unterminated.recovered, { torn: null, newlineAdded: true });
  assert.equal(unterminated.journalText(), text);
  assert.equal(chibo.Commune.load(text).recovered, null);
  // CR LF and a byte-order mark are refused naming the line, and repaired after every hash checks.
  const crlf = text.replaceAll('\n', '\r\n');
  assert.equal(thrown(() => chibo.Commune.loadRecovering(crlf)).code, 'journal.line_endings');
  assert.equal(thrown(() => chibo.Commune.load('\ufeff' + text)).code, 'journal.byte_order_mark');
  assert.equal(chibo.repair(crlf), text);
  assert.equal(thrown(() => chibo.repair(crlf.replace('Nga Trường', 'Nga Truong'))).code, 'journal.hash_mismatch');
});

test('the dashboard and a merge go through the core', () => {
  const shared = communeWith('commune', 'march_ready');
  const device = chibo.Commune.load(shared.journalText());
  for (const command of setup('march_adopted')) device.execute(command);
  const merge = shared.merge(device.journalText());
  assert.equal(merge.appended.length, 1);
  assert.deepEqual(merge.conflicts, []);
  assert.equal(shared.stateJson(), device.stateJson());
  const dashboard = shared.dashboard('2025-03');
  const row = dashboard.rows.find((r) => r.cell === 'xom-1');
  assert.equal(row.state, 'adopted');
  assert.equal(row.meeting, 'm-2025-03');
  assert.equal(shared.dashboard(2025).rows.length, dashboard.rows.length * 12);
  assert.deepEqual(shared.meetingIds('xom-1'), ['m-2025-03']);
  assert.equal(shared.organisation().cells['xom-1'].leadership.secretary, 'x1-bt');
});

test("a commune's handover is taken over by the commune it merges into, linked to its journal's head", () => {
  const thien = new chibo.Commune();
  const at = '2025-01-02T08:00:00+07:00';
  const run = (commune, actor, action) => commune.execute({ actor, at, action });
  run(thien, 'nt-vp', { establish_commune: { commune: 'nga-thien', name: 'Đảng bộ xã Nga Thiện', registrar: 'nt-vp' } });
  run(thien, 'nt-vp', { add_cell: { cell: 'nt-xom-1', name: 'Chi bộ thôn Thiện 1', kind: 'residential' } });
  for (const member of ['nt-01', 'nt-02', 'nt-03']) {
    run(thien, 'nt-vp', {
      add_member: { member, name: `Đảng viên ${member}`, home: { cell: 'nt-xom-1' }, status: 'official', joined_on: '2010-05-19' },
    });
  }
  const handover = thien.handover();
  assert.deepEqual(handover.journal, thien.head);
  const truong = communeWith('commune');
  truong.execute({
    actor: 'vp',
    at: '2025-07-01T08:00:00+07:00',
    action: { merge_communes: { commune: 'nga-son-moi', name: 'Đảng bộ xã Nga Sơn', absorbed: [handover] } },
  });
  const org = truong.organisation();
  assert.equal(org.id, 'nga-son-moi');
  assert.deepEqual(org.former.map((f) => f.commune), ['nga-truong']);
  assert.deepEqual(org.cells['nt-xom-1'].origin.journal, thien.head);
  assert.equal(truong.summary('members', 'nt-02').cell, 'nt-xom-1');
});

test('a meeting\'s history: the records naming it, its tasks and its inspections, oldest first', () => {
  const commune = chibo.Commune.load(readFileSync(new URL('../www/data/nga-truong.jsonl', import.meta.url), 'utf8'));
  const id = commune.meetingIds().find((m) => commune.summary('meetings', m).state === 'inspected');
  const history = commune.history(id);
  const actions = history.map((s) => s.action);
  assert.equal(actions[0], 'draft_meeting');
  for (const step of ['record_meeting', 'assign_tasks', 'report_task', 'close_reporting', 'open_inspection', 'conclude_inspection']) {
    assert.ok(actions.includes(step), `${id}: ${step} in its history`);
  }
  const seqs = history.map((s) => s.seq);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
  const meeting = commune.meeting(id);
  const reported = history.filter((s) => s.action === 'report_task').map((s) => s.subject);
  assert.ok(reported.every((task) => meeting.tasks.includes(task)), 'only its own tasks');
  assert.throws(() => commune.history('xom-99-2025-01'), (e) => e.code === 'lookup.unknown');
});
