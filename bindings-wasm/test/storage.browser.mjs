// The journal kept in the browser, in Chromium (one browser for the file): a second tab opens
// read-only while the first holds the journal's Web Lock, follows its writes and takes over when it
// closes; without Web Locks two tabs that both wrote are merged by the library; storage that is
// full (a real quota, set through the DevTools protocol) or missing (no IndexedDB) is said plainly
// and leaving the page with records not kept is warned against; an imported journal file is
// merged, a damaged one refused with nothing changed; a signing key WebCrypto makes in the page,
// kept in IndexedDB as a CryptoKey, signs records the library accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBrowser } from './chromium.mjs';
import { serve } from '../www/serve.mjs';
import { accepted, act, ready } from './page-steps.mjs';
import chibo from './chibo.mjs';

const sample = readFileSync(fileURLToPath(new URL('../www/data/nga-truong.jsonl', import.meta.url)), 'utf8');
const records = sample.split('\n').filter(Boolean).length;
const count = async (page) => Number((await page.textContent('#journal-status')).match(/\d+/)[0]);

test('the journal kept in the browser', async (t) => {
  const server = await serve(0);
  t.after(() => server.close());
  const browser = await startBrowser(t);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const viewport = { width: 1366, height: 768 };

  await t.test('two tabs: the second only shows the journal, follows the first and takes over when it closes', async () => {
    const context = await browser.newContext({ viewport });
    const first = await context.newPage();
    await first.goto(url);
    await ready(first);
    const second = await context.newPage();
    await second.goto(url);
    await ready(second);
    assert.equal(await first.isVisible('#read-only'), false);
    assert.ok(await second.isVisible('#read-only'), 'the second tab says it is read-only');
    assert.ok(await second.evaluate(() => document.querySelector('#lifecycle').inert), 'its forms are out of reach');

    await accepted(first, '#issue-directive', 'directive in the first tab');
    await second.waitForFunction((n) => document.querySelector('#journal-status').textContent.includes(String(n)), records + 1);
    await first.close();
    await second.waitForSelector('#read-only', { state: 'hidden', timeout: 15_000 });
    assert.equal(await count(second), records + 1);
    await accepted(second, '#draft', 'draft in the second tab, now the writer');
    assert.equal(await count(second), records + 2);
    await context.close();
  });

  await t.test('without Web Locks, two tabs that both wrote are merged by the library', async () => {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => { delete Navigator.prototype.locks; });
    const first = await context.newPage();
    await first.goto(url);
    await ready(first);
    const second = await context.newPage();
    await second.goto(url);
    await ready(second);
    assert.equal(await second.isVisible('#read-only'), false, 'no lock: both tabs write');
    await accepted(first, '#issue-directive', 'directive in the first tab');
    // The second tab still shows the journal as it opened it; its next step forks it.
    const older = second.locator('#grid td[data-state=reported] button').first();
    const id = await older.getAttribute('data-meeting');
    await older.click();
    assert.equal(await act(second, '#open-inspection'), 'ok');
    assert.match(await second.textContent('#result'), /gộp|merged/i);
    assert.equal(await count(second), records + 2, 'both tabs\' records, none lost');
    await second.reload();
    await ready(second);
    assert.equal(await count(second), records + 2, 'kept merged');
    assert.equal(await second.getAttribute('#save-status', 'class'), 'saved');
    const stored = await second.evaluate(async () => {
      const { openStore } = await import('./store.js');
      return (await (await openStore()).read('commune')).text;
    });
    const merged = chibo.Commune.load(stored);
    assert.ok(Object.keys(merged.directives()).includes('cd-2026-01'));
    assert.equal(merged.history(id).at(-1).action, 'open_inspection');
    await context.close();
  });

  await t.test('storage full (a 2 MB quota set through the DevTools protocol): said plainly, the work kept in the page, leaving warned against', async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // Set before the origin's first use (set later, this Chromium did not apply it).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: url.replace(/\/$/, ''), quotaSize: 2_000_000 });
    await page.goto(url);
    await ready(page);
    assert.ok(await page.isVisible('#storage-problem'), 'said at once: the 4 MB journal does not fit');
    assert.match(await page.textContent('#storage-problem'), /Bộ nhớ của trình duyệt đã đầy/);
    assert.equal(await count(page), records, 'the journal is shown all the same');
    assert.equal(await act(page, '#issue-directive'), 'refused');
    assert.match(await page.textContent('#result'), /CHƯA lưu được/);
    assert.equal(await page.getAttribute('#save-status', 'class'), 'unsaved');
    assert.match(await page.textContent('#save-status'), new RegExp(`${records + 1} bản ghi CHƯA được lưu`));
    assert.equal(await count(page), records + 1, 'the action stays in the page');
    let asked = null;
    page.on('dialog', async (dialog) => { asked = dialog.type(); await dialog.dismiss(); });
    await page.close({ runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(asked, 'beforeunload', 'leaving the page is warned against');
    await context.close();
  });

  await t.test('no IndexedDB at all (as some private modes): said plainly, the page still works', async () => {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => { delete globalThis.indexedDB; delete Window.prototype.indexedDB; });
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    assert.match(await page.textContent('#storage-problem'), /không cho trang lưu/);
    assert.equal(await count(page), records);
    assert.equal(await act(page, '#issue-directive'), 'refused');
    assert.equal(await count(page), records + 1, 'the action stays in the page');
    assert.equal(await page.getAttribute('#save-status', 'class'), 'unsaved');
    await context.close();
  });

  await t.test('a journal file imported: merged when it shares the beginning, refused when damaged', async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    // A device's copy: the sample and one more record, made in Node.
    const device = chibo.Commune.load(sample);
    device.execute({ actor: device.organisation().committees.standing[0], at: '2025-12-30T08:00:00+07:00', action: { issue_directive: {
      directive: 'cd-2026-01', month: '2026-01', content: 'Nhiệm vụ tháng 1/2026' } } });
    await page.setInputFiles('#pick', { name: 'device.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(device.journalText()) });
    await page.waitForFunction((n) => document.querySelector('#journal-status').textContent.includes(String(n)), records + 1);
    assert.equal(await page.getAttribute('#save-status', 'class'), 'saved');
    // A damaged file: a changed character; the library names the line and nothing changes.
    const damaged = device.journalText().replace('"seq":5,', '"seq":5 ,').replace('Đảng bộ xã Nga Trường', 'Đảng bộ xã Nga Truong');
    await page.setInputFiles('#pick', { name: 'damaged.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(damaged) });
    await page.waitForSelector('#result.refused');
    assert.match(await page.getAttribute('#result', 'data-code'), /^journal\./);
    assert.equal(await count(page), records + 1);
    await context.close();
  });

  await t.test('a signing key WebCrypto made in the page, kept in IndexedDB unexported, signs a record executeSigned accepts', async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url);
    const steps = JSON.parse(readFileSync(fileURLToPath(new URL('../../tests/scenarios/setup/commune.json', import.meta.url)), 'utf8')).steps;
    const found = await page.evaluate(async (setup) => {
      const chibo = await import('./pkg/chibo.js');
      await chibo.default();
      const signing = await import('./pkg/signing.js');
      const webCrypto = await signing.webCryptoEd25519();
      const made = await signing.generateSigningKey();
      // Kept as the browser keeps keys: the CryptoKey itself in IndexedDB, read back to sign.
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('chibo-signing-test', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('keys');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      await request(db.transaction('keys', 'readwrite').objectStore('keys').put(made, 'x1-bt'));
      const key = await request(db.transaction('keys').objectStore('keys').get('x1-bt'));
      const commune = new chibo.Commune();
      for (const step of setup) commune.execute(step);
      commune.execute({ actor: 'vp', at: '2025-01-10T08:00:00+07:00', action: { register_key: {
        member: 'x1-bt', key: key.publicKey, proof: await signing.signKeyProofWith(key, 'x1-bt') } } });
      const revoke = { actor: 'x1-bt', at: '2025-02-25T08:00:00+07:00', action: { revoke_key: { member: 'x1-bt', reason: 'Đổi máy' } } };
      let forged = null;
      const other = await signing.generateSigningKey();
      try { commune.executeSigned(revoke, await signing.signWith(other, revoke)); } catch (e) { forged = e.code; }
      const line = commune.executeSigned(revoke, await signing.signWith(key, revoke));
      return {
        webCrypto, usedWebCrypto: key.webCrypto, isCryptoKey: key.privateKey instanceof CryptoKey,
        extractable: key.privateKey?.extractable, line, forged, text: commune.journalText(),
        userAgent: navigator.userAgent,
      };
    }, steps);
    console.log(`chromium signing: WebCrypto Ed25519 ${found.webCrypto ? 'present' : 'absent (the wasm fallback signed)'} in ${found.userAgent.match(/Chrom\w*\/[\d.]+/)?.[0]}`);
    assert.equal(found.webCrypto, true, 'Debian\'s Chromium has WebCrypto Ed25519');
    assert.equal(found.usedWebCrypto, true);
    assert.equal(found.isCryptoKey, true, 'IndexedDB gave the CryptoKey back');
    assert.equal(found.extractable, false);
    assert.match(found.line, /^\{"v":2,.*"sig":"[0-9a-f]{128}"/);
    assert.equal(found.forged, 'journal.signature_invalid', 'another key in the same name refused');
    // The page's journal, signed in the page, verifies in Node.
    assert.deepEqual(chibo.Commune.load(found.text).head.seq, found.text.split('\n').filter(Boolean).length);
    await context.close();
  });
});
