// The page in a real browser: Debian's Chromium, headless, driven by playwright-core (one browser
// for the file, a fresh context, and so fresh storage, per scenario). At 1366×768 in Vietnamese
// and at 390×844 in English, a secretary drafts a meeting and carries it through every state,
// reloading the page between steps and finding it where it was (the journal is kept in the
// browser); then an office worker opens an older meeting from the dashboard, takes its next step,
// prints its minutes to an A4 PDF and exports the spreadsheets, read back here. Also: no vote is
// filled in for the clerk, a failed vote and a refusal in the library's words, the journal
// exported and verified in Node, the page offline.
//
// Needs bindings-wasm/www/pkg (scripts/build-wasm) and www/data/nga-truong.jsonl (the main job's
// journal, copied by scripts/test-wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBrowser } from './chromium.mjs';
import { serve } from '../www/serve.mjs';
import { accepted, act, meetingIs, ready, reload } from './page-steps.mjs';
import { pageTexts } from './pdf-text.mjs';
import chibo from './chibo.mjs';

const sample = fileURLToPath(new URL('../www/data/nga-truong.jsonl', import.meta.url));
const sampleText = readFileSync(sample, 'utf8');
const records = sampleText.split('\n').filter(Boolean).length;
const organisation = chibo.Commune.load(sampleText).organisation();
const A4 = [595.28, 841.89]; // points

/** Every page's MediaBox [width, height] in a PDF Chromium wrote. */
function mediaBoxes(pdf) {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map(([, x0, y0, x1, y1]) => [Number(x1) - Number(x0), Number(y1) - Number(y0)]);
}

/** A CSV file the page offered, read back: the byte-order mark, then RFC 4180 records. */
function readCsv(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 byte-order mark');
  const text = bytes.subarray(3).toString('utf8');
  const rows = []; let row = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i += 1;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

const SCENARIOS = [
  { name: '1366×768, Vietnamese', viewport: { width: 1366, height: 768 }, language: 'vi', cell: 'xom-01', failFirst: true },
  { name: '390×844, English', viewport: { width: 390, height: 844 }, language: 'en', cell: 'xom-02', failFirst: false },
];

test('the commune office page in Chromium', async (t) => {
  const server = await serve(0);
  t.after(() => server.close());
  const browser = await startBrowser(t);
  const url = `http://127.0.0.1:${server.address().port}/`;

  for (const scenario of SCENARIOS) {
    await t.test(`${scenario.name}: a meeting drafted and carried through every state, reloaded between steps`, async () => {
      const context = await browser.newContext({ viewport: scenario.viewport, isMobile: scenario.viewport.width < 500 });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await ready(page);
      const timing = await page.evaluate(() => window.chiboTiming);
      console.log(`page (${scenario.name}): interactive ${timing.interactiveMs.toFixed(0)} ms after navigation start, first open `
        + '(wasm compiled, Nga Trường journal fetched, replayed and kept in IndexedDB, dashboard drawn)');
      assert.match(await page.textContent('#journal-status'), new RegExp(`${records}`));
      assert.equal(await page.getAttribute('#save-status', 'class'), 'saved', 'the sample journal is kept at once');
      if (scenario.language === 'en') {
        await page.click('#lang');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
      }
      const id = `${scenario.cell}-2026-01`;

      await accepted(page, '#issue-directive', 'directive');
      await page.selectOption('#draft-form select[name=cell]', scenario.cell);
      assert.equal(await page.inputValue('#draft-form input[name=meeting]'), id);
      await accepted(page, '#draft', 'draft');
      await meetingIs(page, id, 'draft', 'drafted');
      await reload(page);
      assert.equal(await page.getAttribute('html', 'lang'), scenario.language, 'the language is remembered');
      await meetingIs(page, id, 'draft', 'drafted, after a reload');
      await accepted(page, '#prepare', 'preparatory meeting');
      await accepted(page, '#notice', 'notice');
      await reload(page);
      await accepted(page, '#documents', 'documents');
      await reload(page);
      await meetingIs(page, id, 'draft', 'documents published, after a reload');

      // No ballot is filled in: sending the form with none chosen sends nothing.
      const votes = page.locator('#record-form select[name=vote]');
      const rows = page.locator('#record-form tr[data-member]');
      const count = await rows.count();
      for (let i = 0; i < count; i += 1) assert.equal(await votes.nth(i).inputValue(), '', 'no default vote');
      const length = await page.textContent('#journal-status');
      await page.click('#record');
      assert.ok(await page.isVisible('#record-missing'), 'the missing votes are named');
      assert.equal(await page.textContent('#journal-status'), length, 'nothing recorded');

      // The clerk fills in the minutes: a speech, a conclusion, and each present member's vote.
      const chair = await page.inputValue('#record-form select[name=chair]');
      await page.selectOption('#record-form select[name=speaker] >> nth=0', chair);
      await page.fill('#record-form input[name=gist] >> nth=0', 'Quán triệt chỉ đạo tháng 1 của Đảng ủy');
      await page.fill('#record-form textarea[name=conclusions]', 'Thống nhất triển khai ba nhiệm vụ trọng tâm tháng 1');
      // The tab closed mid-minutes (a reload): what was typed and not yet sent is put back.
      await reload(page);
      assert.equal(await page.getAttribute('#record-form', 'data-restored'), 'true', 'the typing is put back');
      assert.equal(await page.inputValue('#record-form textarea[name=conclusions]'), 'Thống nhất triển khai ba nhiệm vụ trọng tâm tháng 1');
      assert.equal(await page.inputValue('#record-form input[name=gist] >> nth=0'), 'Quán triệt chỉ đạo tháng 1 của Đảng ủy');
      assert.equal(await page.inputValue('#record-form select[name=speaker] >> nth=0'), chair);
      assert.ok(await page.isVisible('#record-form p.restored'), 'the clerk is told it was put back');
      const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.member));
      const official = ids.map((m) => organisation.members[m].status === 'official');
      const present = [];
      for (let i = 0; i < count; i += 1) present.push(await rows.nth(i).locator('[name=attendance]').inputValue() === 'present');
      const choose = async (pick) => {
        for (let i = 0; i < count; i += 1) await votes.nth(i).selectOption(pick(i));
      };
      if (scenario.failFirst) {
        // Only two vote for: the sitting is recorded with its defect, in the library's words.
        let yes = 0;
        await choose((i) => (present[i] && official[i] ? (yes++ < 2 ? 'yes' : 'no') : 'none'));
        assert.equal(await act(page, '#record'), 'defects');
        assert.ok((await page.getAttribute('#result', 'data-code')).split(' ').includes('resolution_failed'));
        assert.match(await page.textContent('#result'), /Nghị quyết không được thông qua/);
        await meetingIs(page, id, 'draft', 'a failed vote keeps the draft');
        // A probationary member's ballot: refused, the library's message first, its code tucked away.
        const probationary = ids.findIndex((m, i) => present[i] && !official[i]);
        assert.ok(probationary >= 0, `${scenario.cell} has a probationary member present`);
        await choose((i) => (present[i] ? 'yes' : 'none'));
        assert.equal(await act(page, '#record'), 'refused');
        assert.equal(await page.getAttribute('#result', 'data-code'), 'vote.not_eligible');
        assert.equal(await page.textContent('#result p'), await page.getAttribute('#result', 'data-message-vi'));
        assert.equal(await page.isVisible('#result details code'), false, 'the code is tucked in a disclosure');
        await page.click('#lang');
        assert.equal(await page.textContent('#result p'), await page.getAttribute('#result', 'data-message-en'));
        await page.click('#lang');
        await reload(page);
        await page.selectOption('#record-form select[name=speaker] >> nth=0', chair);
        await page.fill('#record-form input[name=gist] >> nth=0', 'Quán triệt chỉ đạo tháng 1 của Đảng ủy');
        await page.fill('#record-form textarea[name=conclusions]', 'Thống nhất triển khai ba nhiệm vụ trọng tâm tháng 1');
      }
      await choose((i) => (present[i] && official[i] ? 'yes' : 'none'));
      await accepted(page, '#record', 'record');
      await reload(page);
      await meetingIs(page, id, 'adopted', 'adopted, after a reload');
      const typing = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('chibo:typing:')));
      assert.ok(!typing.some((k) => k.includes(`${id}:draft:record-form`)), `the minutes' typing is forgotten once recorded: ${typing}`);
      await accepted(page, '#assign', 'assign');
      await reload(page);
      await meetingIs(page, id, 'assigned', 'assigned, after a reload');
      await accepted(page, '#report', 'reports');
      await reload(page);
      await accepted(page, '#close', 'close reporting');
      await reload(page);
      await meetingIs(page, id, 'reported', 'reported, after a reload');
      await accepted(page, '#open-inspection', 'open inspection');
      await reload(page);
      await accepted(page, '#conclude', 'conclude');
      await reload(page);
      await meetingIs(page, id, 'inspected', 'inspected, after a reload');
      assert.ok(await page.isVisible('#lifecycle-done'));
      assert.ok(await page.locator('#meeting-history tbody tr').count() >= 10, 'its history');

      // The journal exported: it verifies and reloads outside the page, with the minutes entered.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const text = readFileSync(await download.path(), 'utf8');
      const head = chibo.verify(text);
      const reloaded = chibo.Commune.load(text);
      assert.equal(reloaded.meeting(id).state, 'inspected');
      const minutes = reloaded.query({ minutes: { meeting: id } });
      assert.ok(minutes.speeches.some((s) => s.gist === 'Quán triệt chỉ đạo tháng 1 của Đảng ủy'));
      assert.deepEqual(minutes.conclusions, ['Thống nhất triển khai ba nhiệm vụ trọng tâm tháng 1']);
      assert.equal(minutes.agenda.length, 4);
      assert.ok(head.seq > records + 8);
      assert.deepEqual(errors, [], 'no error in the page');
      await context.close();
    });

    await t.test(`${scenario.name}: an older meeting opened from the dashboard, its next step, its minutes on A4, the spreadsheets`, async () => {
      const context = await browser.newContext({ viewport: scenario.viewport, acceptDownloads: true });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await ready(page);
      if (scenario.language !== 'vi') await page.click('#lang');

      // A meeting of 2025 that has reported but not been inspected, from its square in the grid.
      const older = page.locator('#grid td[data-state=reported] button').nth(scenario.language === 'vi' ? 0 : 3);
      const id = await older.getAttribute('data-meeting');
      assert.match(await older.textContent(), scenario.language === 'vi' ? /Đã báo cáo kết quả/ : /Reported/);
      if (scenario.language === 'vi') {
        // By keyboard: the square takes the focus and Enter opens the meeting.
        await older.focus();
        await page.keyboard.press('Enter');
      } else await older.click();
      await meetingIs(page, id, 'reported', 'opened from the dashboard');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'meeting-panel-title', 'the focus moves to the meeting');
      assert.ok(await page.locator('#meeting-history tbody tr').count() > 5, 'its history is shown');
      await accepted(page, '#open-inspection', 'open inspection');
      await accepted(page, '#conclude', 'conclude');
      await reload(page);
      await meetingIs(page, id, 'inspected', 'inspected, after a reload');
      assert.equal(await page.getAttribute(`#grid button[data-meeting="${id}"] >> xpath=..`, 'data-state'), 'inspected');

      // The finder: by cell and month, the same meeting.
      const meeting = chibo.Commune.load(sampleText).meeting(id);
      await page.selectOption('#find-cell', meeting.cell);
      await page.fill('#find-month', meeting.month);
      await page.dispatchEvent('#find-month', 'change');
      assert.ok(await page.locator(`#found button[data-meeting="${id}"]`).count() === 1, 'found by cell and month');

      // Its minutes, from the core's renderer, printed to PDF: every page A4.
      for (const [link, title] of [['#open-minutes', /BIÊN BẢN|MINUTES/], ['#open-resolution', /NGHỊ QUYẾT|RESOLUTION/]]) {
        const [doc] = await Promise.all([page.waitForEvent('popup'), page.click(link)]);
        await ready(doc);
        assert.match(await doc.textContent('body'), title);
        const pdf = await doc.pdf({ preferCSSPageSize: true, printBackground: true });
        const boxes = mediaBoxes(pdf);
        assert.ok(boxes.length >= 1);
        for (const [w, h] of boxes) assert.ok(Math.abs(w - A4[0]) <= 1 && Math.abs(h - A4[1]) <= 1, `${w}×${h} pt is not A4`);
        const pages = pageTexts(pdf).join('\n');
        assert.doesNotMatch(pages, /In \(A4\)|Print \(A4\)/, 'the print button is not printed');
        await doc.close();
      }

      // The spreadsheets, read back: the dashboard's 16 × 12 lines and the month's tasks.
      const [sheet] = await Promise.all([page.waitForEvent('download'), page.click('#csv-dashboard')]);
      const dashboard = readCsv(readFileSync(await sheet.path()));
      const headers = scenario.language === 'vi' ? ['Chi bộ', 'Tháng', 'Cuộc sinh hoạt', 'Trạng thái'] : ['Cell', 'Month', 'Meeting', 'State'];
      assert.deepEqual(dashboard[0].slice(0, 4), headers);
      assert.equal(dashboard.length, 1 + 16 * 12);
      const line = dashboard.find((r) => r[2] === id);
      assert.equal(line[3], scenario.language === 'vi' ? 'Đã kiểm tra, giám sát' : 'Inspected', 'the state by its label');
      assert.match(line[8], /%$/, 'attendance as a percentage');
      const [tasks] = await Promise.all([page.waitForEvent('download'), page.click('#csv-tasks')]);
      const taskRows = readCsv(readFileSync(await tasks.path()));
      const ofMeeting = taskRows.filter((r) => r[1] === id);
      assert.equal(ofMeeting.length, meeting.tasks.length, 'every task of the meeting');
      assert.ok(ofMeeting.every((r) => r[4].length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(r[6])), 'content and deadline');
      assert.deepEqual(errors, [], 'no error in the page');
      await context.close();
    });
  }

  await t.test('offline once loaded: the service worker serves the page, the journal comes from the browser', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15_000 })
      .catch(() => reload(page));
    await context.setOffline(true);
    await reload(page);
    assert.equal(await page.locator('#grid tbody tr').count(), 16, 'the dashboard offline');
    assert.match(await page.textContent('#journal-status'), new RegExp(`${records}`));
    await context.close();
  });
});
