// Prints the minutes and the resolution of one Nga Trường meeting to PDF with Chromium, exactly as
// the print test does (bindings-wasm/test/minutes.browser.mjs): the same meeting (the inspected
// meeting with the most tasks, so that the resolution runs over several pages), the same browser
// (bindings-wasm/test/chromium.mjs: Debian's Chromium, headless, through playwright-core) and the
// same call, `page.pdf({ preferCSSPageSize: true, printBackground: true })` on the core's HTML.
// A docs tool, not a test: run by scripts/print-pages, which turns each PDF page into a PNG.
//
//   node scripts/print-pages.mjs JOURNAL OUT_DIR   # writes OUT_DIR/minutes.pdf, OUT_DIR/resolution.pdf
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../bindings-wasm/test/chromium.mjs';
import chibo from '../bindings-wasm/test/chibo.mjs';

const [journal, out] = process.argv.slice(2);
if (!journal || !out) {
  console.error('usage: node scripts/print-pages.mjs JOURNAL OUT_DIR');
  process.exit(2);
}

const commune = chibo.Commune.load(readFileSync(journal, 'utf8'));
// The print test's choice, word for word.
const meeting = commune.meetingIds()
  .filter((id) => commune.summary('meetings', id).state === 'inspected')
  .sort((a, b) => commune.summary('meetings', b).tasks - commune.summary('meetings', a).tasks)[0];
if (!meeting) throw new Error(`no inspected meeting in ${journal}`);
const query = commune.query({ minutes: { meeting } });

// launch() ties the browser's life to a node:test test; here the "test" is this script.
const cleanups = [];
const context = await launch({ after: (fn) => cleanups.push(fn) });
try {
  const page = context.pages()[0] ?? await context.newPage();
  mkdirSync(out, { recursive: true });
  for (const [name, html] of [['minutes', query.html], ['resolution', query.resolution_html]]) {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(out, `${name}.pdf`), pdf);
  }
  console.log(`${meeting}: ${query.tasks.length} tasks; ${join(out, 'minutes.pdf')}, ${join(out, 'resolution.pdf')}`);
} finally {
  for (const fn of cleanups) await fn();
}
