// Each view of the page on a phone, a tablet and a desktop, in Chromium (one browser for the file):
// the dashboard, a meeting opened from it, the roll-call and vote form, and the minutes. At 360,
// 390, 768 and 1366 CSS px: the document is no wider than the screen (wide tables scroll inside
// their own box), every control a finger uses is at least 44 × 44 px, every coloured key's text
// has a WCAG contrast of at least 4.5:1, and axe-core (npm, injected into the page) finds no
// serious or critical violation. Screenshots of each view at 1366 and 390 px go to docs/img.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startBrowser } from './chromium.mjs';
import { serve } from '../www/serve.mjs';
import { accepted, ready } from './page-steps.mjs';

const screenshots = fileURLToPath(new URL('../../docs/img/', import.meta.url));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WIDTHS = [360, 390, 768, 1366];
const SHOT = new Set([390, 1366]);

/** Elements reaching past the screen, outside a box that scrolls on its own. */
const overflow = (page) => page.evaluate(() => ({
  width: document.documentElement.scrollWidth,
  wide: [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.scroll'))
    .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`),
}));

/** Visible controls smaller than 44 × 44 CSS px (links inside running text excepted). */
const smallTargets = (page) => page.evaluate(() => [...document.querySelectorAll('button, select, input, textarea, summary, a.button, .pick')]
  .filter((e) => e.offsetParent !== null && !e.classList.contains('visually-hidden'))
  .map((e) => ({ e, r: e.getBoundingClientRect() }))
  .filter(({ r }) => r.width < 43.5 || r.height < 43.5)
  .slice(0, 5).map(({ e, r }) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}[${e.getAttribute('name') ?? ''}] ${r.width.toFixed(0)}×${r.height.toFixed(0)}`));

/** Coloured keys and grid squares whose text is below a 4.5:1 contrast ratio. */
const lowContrast = (page) => page.evaluate(() => {
  const rgb = (text) => text.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
  const lum = (c) => c.map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, x, i) => sum + x * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  return [...document.querySelectorAll('#grid td, .legend .key, .state-badge, #stepper li')]
    .filter((e) => e.textContent.trim() && getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)')
    .map((e) => ({ text: e.textContent.trim(), ratio: ratio(rgb(getComputedStyle(e.querySelector('button') ?? e).color), rgb(getComputedStyle(e).backgroundColor)) }))
    .filter((c) => c.ratio < 4.5).slice(0, 5);
});

/** axe-core's serious and critical violations on the page as it is. */
async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The checks of one view; its screenshot at the widths kept. */
async function check(page, width, view, scrollTo) {
  if (scrollTo) await page.locator(scrollTo).first().scrollIntoViewIfNeeded();
  else await page.evaluate(() => window.scrollTo(0, 0));
  const { width: docWidth, wide } = await overflow(page);
  assert.ok(docWidth <= width, `${view} at ${width} px: the page is ${docWidth} px wide; too wide: ${wide.join(', ')}`);
  assert.deepEqual(wide, [], `${view} at ${width} px: elements reaching past the screen`);
  assert.deepEqual(await smallTargets(page), [], `${view} at ${width} px: targets under 44 px`);
  assert.deepEqual(await lowContrast(page), [], `${view} at ${width} px: text below 4.5:1`);
  assert.deepEqual(await axe(page), [], `${view} at ${width} px: axe-core's serious or critical violations`);
  if (SHOT.has(width)) {
    if (scrollTo) await page.locator(scrollTo).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(screenshots, `web-${view}-${width}.png`) });
  }
}

test('every view at 360, 390, 768 and 1366 px', async (t) => {
  const server = await serve(0);
  t.after(() => server.close());
  const browser = await startBrowser(t);
  const url = `http://127.0.0.1:${server.address().port}/`;

  for (const width of WIDTHS) {
    await t.test(`${width} px`, async () => {
      const phone = width < 500;
      const context = await browser.newContext({ viewport: { width, height: phone ? 844 : 768 }, deviceScaleFactor: phone ? 2 : 1, isMobile: phone, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(url);
      await ready(page);
      await check(page, width, 'dashboard');

      const older = page.locator('#grid td[data-state=reported] button').first();
      await older.click();
      await page.locator('#meeting-defects summary').click();
      await page.locator('#meeting-tasks summary').click();
      await page.locator('#meeting-history summary').click();
      await check(page, width, 'meeting', '#meeting-panel');

      const [doc] = await Promise.all([page.waitForEvent('popup'), page.click('#open-minutes')]);
      await ready(doc);
      await doc.setViewportSize({ width, height: phone ? 844 : 768 });
      await check(doc, width, 'minutes');
      await doc.close();

      await page.click('#grid td[data-state=none] button >> nth=0').catch(() => {});
      await accepted(page, '#issue-directive', 'directive');
      await accepted(page, '#draft', 'draft');
      for (const step of ['#prepare', '#notice', '#documents']) await accepted(page, step, step);
      await check(page, width, 'vote', '#record-form fieldset:last-of-type');
      await context.close();
    });
  }
});
