// The page in a real browser: Debian's Chromium, headless, driven by playwright-core. Walks one
// meeting through draft → adopted → assigned → reported → inspected by clicking, checks what the
// page shows at each step and one refusal (a failed vote, in the library's Vietnamese), the
// English toggle, the downloaded journal (it verifies and reloads in Node), and the page working
// offline. Saves docs/img/web.png (the refusal), web-dashboard.png and web-en.png, and prints the time to interactive (measured, not asserted).
//
// Needs bindings-wasm/www/pkg (scripts/build-wasm) and www/data/nga-truong.jsonl (the main job's
// journal, copied by scripts/test-wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium.mjs';
import { serve } from '../www/serve.mjs';
import chibo from './chibo.mjs';

const screenshots = fileURLToPath(new URL('../../docs/img/', import.meta.url));
const sample = fileURLToPath(new URL('../www/data/nga-truong.jsonl', import.meta.url));

test('a secretary takes one meeting through the lifecycle in the page', async (t) => {
  const server = await serve(0);
  const context = await launch(t, {
    viewport: { width: 1400, height: 1000 }, acceptDownloads: true,
  }, () => server.close());
  const errors = [];
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  const url = `http://127.0.0.1:${server.address().port}/`;

  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  const timing = await page.evaluate(() => window.chiboTiming);
  console.log(`page: time to interactive ${timing.interactiveMs.toFixed(0)} ms after navigation start `
    + '(wasm compiled, Nga Trường journal loaded and replayed, dashboard drawn)');

  // The dashboard of the sample year, from the library.
  await page.screenshot({ path: join(screenshots, 'web-dashboard.png') });
  const records = readFileSync(sample, 'utf8').split('\n').filter(Boolean).length;
  assert.match(await page.textContent('#journal-status'), new RegExp(`${records} bản ghi`));
  assert.equal(await page.locator('#grid tbody tr').count(), 16, 'one row per cell');
  assert.equal(await page.locator('#grid tbody tr').first().locator('td').count(), 12);
  assert.ok(await page.locator('#grid td[data-state=inspected]').count() > 0);
  assert.ok(await page.locator('#grid td[data-state=reported]').count() > 0);
  assert.ok(await page.locator('#chart-attendance svg rect.attendance').count() === 12);
  assert.ok(await page.locator('#chart-tasks svg rect').count() > 12);
  assert.ok(await page.locator('#alerts li[data-kind]').count() > 0);
  assert.doesNotMatch(await page.textContent('#alerts li[data-kind] .badge'), /_/,
    'an alert kind is shown by its Vietnamese label, not its code');
  assert.equal(await page.getAttribute('#stepper', 'data-state'), 'none');

  const accepted = async (button, what) => {
    await page.click(button);
    const result = page.locator('#result');
    assert.equal(await result.getAttribute('class'), 'ok', `${what}: ${await result.textContent()}`);
  };
  const stateIs = async (state) => {
    assert.equal(await page.getAttribute('#stepper', 'data-state'), state);
    const month = await page.textContent('#meeting-id');
    assert.ok(month.endsWith('2026-01'));
    const cell = page.locator('#grid tr[data-cell="xom-01"] td[data-month="2026-01"]');
    assert.equal(await cell.getAttribute('data-state'), state, 'the dashboard shows the new state');
  };

  // Draft: the commune's directive for January 2026, then the draft of xom-01's meeting.
  await accepted('#issue-directive', 'directive');
  await page.selectOption('#draft-form select[name=cell]', 'xom-01');
  assert.equal(await page.inputValue('#draft-form input[name=meeting]'), 'xom-01-2026-01');
  await accepted('#draft', 'draft');
  await stateIs('draft');
  assert.equal(await page.inputValue('#year'), '2026');
  await accepted('#prepare', 'preparatory meeting');
  await accepted('#notice', 'notice');
  await accepted('#documents', 'documents');

  // A failed vote: only two votes for. It happened, so the library records the sitting with its
  // defect, in Vietnamese, and the meeting stays a draft for a later sitting.
  const votes = page.locator('#record-form select[name=vote]');
  const voters = await votes.count();
  let yes = 0;
  const changed = [];
  for (let i = 0; i < voters; i += 1) {
    if (await votes.nth(i).inputValue() !== 'yes') continue;
    yes += 1;
    if (yes > 2) {
      await votes.nth(i).selectOption('no');
      changed.push(i);
    }
  }
  assert.ok(yes > 4, 'most members vote');
  await page.click('#record');
  const result = page.locator('#result');
  assert.equal(await result.getAttribute('class'), 'defects');
  assert.ok((await result.getAttribute('data-code')).split(' ').includes('resolution_failed'));
  assert.match(await result.textContent(), /Nghị quyết không được thông qua/);
  await stateIs('draft');
  await page.screenshot({ path: join(screenshots, 'web.png'), fullPage: true });
  // The note in English, and back; the forms are drawn again with their suggestions (every
  // official present votes for; the next sitting a day later).
  await page.click('#lang');
  assert.match(await result.textContent(), /The resolution was not adopted/);
  await page.click('#lang');
  assert.match(await result.textContent(), /Nghị quyết không được thông qua/);

  // A refusal: a probationary member's vote cannot be counted; nothing changes.
  const probationary = page.locator('#record-form tr[data-member] select[name=vote]');
  let refusedAt = -1;
  for (let i = 0; i < (await probationary.count()); i += 1) {
    if (await probationary.nth(i).inputValue() === 'none') {
      const attendance = page.locator('#record-form tr[data-member] select[name=attendance]').nth(i);
      if (await attendance.inputValue() === 'present') { refusedAt = i; break; }
    }
  }
  assert.ok(refusedAt >= 0, 'xom-01 has a probationary member present (x01-25 in the Nga Trường year)');
  await probationary.nth(refusedAt).selectOption('yes');
  await page.click('#record');
  assert.equal(await result.getAttribute('class'), 'refused');
  assert.equal(await result.getAttribute('data-code'), 'vote.not_eligible');
  assert.ok((await result.textContent()).includes(await result.getAttribute('data-message-vi')), 'the Vietnamese message is shown');
  await stateIs('draft');
  await probationary.nth(refusedAt).selectOption('none');
  assert.equal(await votes.nth(changed[0]).inputValue(), 'yes');
  await accepted('#record', 'record');
  await stateIs('adopted');
  await accepted('#assign', 'assign');
  await stateIs('assigned');
  await accepted('#report', 'report');
  await accepted('#close', 'close reporting');
  await stateIs('reported');
  await accepted('#open-inspection', 'open inspection');
  await accepted('#conclude', 'conclude');
  await stateIs('inspected');
  assert.ok(await page.isVisible('#lifecycle-done'));

  // English.
  await page.click('#lang');
  assert.match(await page.textContent('.lifecycle h2'), /Take one meeting/);
  assert.equal(await page.textContent('#stepper li.current'), 'Inspected');
  assert.equal(await page.textContent('#result'), '', 'the Vietnamese note is cleared');
  await page.fill('#year', '2025');
  await page.dispatchEvent('#year', 'change');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshots, 'web-en.png') });

  // The journal downloads, and it verifies and reloads outside the page.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const text = readFileSync(await download.path(), 'utf8');
  const head = chibo.verify(text);
  const reloaded = chibo.Commune.load(text);
  assert.equal(reloaded.meeting('xom-01-2026-01').state, 'inspected');
  assert.ok(head.seq > records + 8, `${head.seq} records after ${records}`);
  assert.match(await page.textContent('#verify-status'), new RegExp(`${head.seq}`));

  // Offline once loaded: the service worker answers when the server is gone.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15_000 })
    .catch(() => page.reload().then(() => page.waitForSelector('body[data-ready=true]')));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
  assert.equal(await page.locator('#grid tbody tr').count(), 16, 'the dashboard offline');
  assert.match(await page.textContent('#journal-status'), new RegExp(`${records}`));
  await context.setOffline(false);

  assert.deepEqual(errors, [], 'no error in the page');
});
