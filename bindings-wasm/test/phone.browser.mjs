// The page at a phone's width (390 × 844 CSS pixels, in Chromium): nothing makes the page wider
// than the screen (wide tables scroll inside their own box), and a screenshot is saved
// (docs/img/web-phone.png).
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
  await page.screenshot({ path: join(screenshots, 'web-phone.png') });
  assert.ok(width <= 390, `the page is ${width} px wide at 390 px; too wide: ${wide.join(', ')}`);
  assert.deepEqual(wide, [], 'elements reaching past the screen');
});
