// The page at a phone's width (390 × 844 CSS pixels, in Chromium): nothing makes the page wider
// than the screen (wide tables scroll inside their own box), every coloured cell's text has a
// WCAG contrast of at least 4.5:1, and a screenshot is saved (docs/img/web-phone.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium.mjs';
import { serve } from '../www/serve.mjs';

const screenshots = fileURLToPath(new URL('../../docs/img/', import.meta.url));

test('at 390 px the page is no wider than the phone', async (t) => {
  const server = await serve(0);
  const context = await launch(t, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true }, () => server.close());
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
      && !e.closest('.scroll'))
    .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`));
  // Every coloured cell and key is readable: WCAG contrast of its text on its background ≥ 4.5.
  const low = await page.evaluate(() => {
    const rgb = (text) => text.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    return [...document.querySelectorAll('#grid td, .legend .key')]
      .filter((e) => e.textContent.trim())
      .map((e) => {
        const style = getComputedStyle(e);
        return { text: e.textContent.trim(), cls: e.className, ratio: ratio(rgb(style.color), rgb(style.backgroundColor)) };
      })
      .filter((c) => c.ratio < 4.5)
      .slice(0, 5);
  });
  assert.deepEqual(low, [], 'text below a 4.5:1 contrast ratio');
  await page.screenshot({ path: join(screenshots, 'web-phone.png') });
  assert.ok(width <= 390, `the page is ${width} px wide at 390 px; too wide: ${wide.join(', ')}`);
  assert.deepEqual(wide, [], 'elements reaching past the screen');
});
