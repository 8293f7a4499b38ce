// The minutes (biên bản) print on A4 in a real browser: the core's self-contained HTML (the
// `minutes` query's `html`) for a meeting of the Nga Trường year, printed to PDF by Debian's Chromium
// (headless, playwright-core) with the page's own CSS page size; every page of the PDF must be A4
// (595 × 842 pt, ±1). Needs www/data/nga-truong.jsonl, copied by scripts/test-wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium.mjs';
import { pageTexts } from './pdf-text.mjs';
import chibo from './chibo.mjs';

const sample = fileURLToPath(new URL('../www/data/nga-truong.jsonl', import.meta.url));
const A4 = [595.28, 841.89]; // points

/** Every page's MediaBox [width, height] in a PDF Chromium wrote (page objects are not compressed). */
function mediaBoxes(pdf) {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map(([, x0, y0, x1, y1]) => [Number(x1) - Number(x0), Number(y1) - Number(y0)]);
}

test('the minutes print on A4 pages in Chromium, in Vietnamese and English', async (t) => {
  const commune = chibo.Commune.load(readFileSync(sample, 'utf8'));
  const meeting = commune.meetingIds().find(
    (id) => commune.summary('meetings', id).state === 'inspected',
  );
  assert.ok(meeting, 'an inspected meeting in the sample year');

  const context = await launch(t);
  const page = context.pages()[0] ?? await context.newPage();

  for (const language of ['vi', 'en']) {
    const { html } = commune.query({ minutes: { meeting, language } });
    assert.match(html, /@page\s*\{[^}]*size:\s*A4/, `the ${language} minutes ask for A4`);
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = mediaBoxes(pdf);
    assert.ok(boxes.length >= 1, `the ${language} minutes printed at least one page`);
    for (const [width, height] of boxes) {
      assert.ok(Math.abs(width - A4[0]) <= 1 && Math.abs(height - A4[1]) <= 1,
        `the ${language} minutes: a ${width} × ${height} pt page is not A4`);
    }
  }
});

/** A page's text without any whitespace: words split across text runs compare equal. */
const compact = (text) => text.replace(/\s+/g, '');

/** Whether a page shows its number as `n / total` (the @page margin box, drawn as three runs). */
function numbered(text, n, total) {
  const lines = text.split('\n').map((l) => l.trim());
  return lines.some((l, i) => l === String(n) && lines[i + 1] === '/' && lines[i + 2] === String(total));
}

test('printed, the minutes and the resolution number their pages, repeat the table header and keep the signatures with the text', async (t) => {
  const commune = chibo.Commune.load(readFileSync(sample, 'utf8'));
  // The meeting with the most tasks, so that its resolution's table runs over a page.
  const meeting = commune.meetingIds()
    .filter((id) => commune.summary('meetings', id).state === 'inspected')
    .sort((a, b) => commune.summary('meetings', b).tasks - commune.summary('meetings', a).tasks)[0];
  assert.ok(meeting, 'an inspected meeting in the sample year');

  const context = await launch(t);
  const page = context.pages()[0] ?? await context.newPage();
  const query = commune.query({ minutes: { meeting } });
  const header = compact('Đảng viên Nhiệm vụ Mục nghị quyết Thời hạn');
  for (const [name, html, closing] of [
    ['minutes', query.html, 'Biên bản đã được đọc lại'],
    ['resolution', query.resolution_html, 'Nghị quyết được'],
  ]) {
    await page.setContent(html, { waitUntil: 'load' });
    const pages = pageTexts(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    assert.ok(pages.length >= 1, `the ${name} printed`);
    pages.forEach((text, i) => {
      assert.ok(numbered(text, i + 1, pages.length), `the ${name}: page ${i + 1} shows "${i + 1}/${pages.length}"`);
    });
    // The signatures never stand alone: the closing sentence is on their page.
    const signed = pages.findIndex((text) => compact(text).includes(compact('(Ký, ghi rõ họ tên)')));
    assert.ok(signed >= 0, `the ${name} are signed`);
    assert.ok(compact(pages[signed]).includes(compact(closing)),
      `the ${name}: the signatures' page ${signed + 1} also holds "${closing}"`);
    // A table that runs onto a later page repeats its header there.
    const first = pages.findIndex((text) => compact(text).includes(header));
    const deadline = /\d{2}\/\d{2}\/\d{4}/;
    pages.forEach((text, i) => {
      const rows = text.split('\n').some((line) => deadline.test(line.trim()) && line.trim().length === 10);
      if (first >= 0 && i > first && rows) {
        assert.ok(compact(text).includes(header), `the ${name}: page ${i + 1} continues the task table without its header`);
      }
    });
    if (name === 'resolution') {
      assert.ok(pages.length >= 2, `the resolution of ${meeting} (${query.tasks.length} tasks) runs over a page`);
      assert.ok(first >= 0 && pages.slice(first + 1).some((text) => compact(text).includes(header)),
        'the resolution repeats the task table header on the next page');
    }
  }
});
