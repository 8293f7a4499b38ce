// The minutes (biên bản) print on A4 in a real browser: the core's self-contained HTML (the
// `minutes` query's `html`) for a meeting of the Nga Trường year, printed to PDF by Debian's Chromium
// (headless, playwright-core) with the page's own CSS page size; every page of the PDF must be A4
// (595 × 842 pt, ±1). Needs www/data/nga-truong.jsonl, copied by scripts/test-wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium.mjs';
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
