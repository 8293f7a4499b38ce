// Debian's Chromium, headless, driven by playwright-core, as the browser tests start it: the
// flags that work on this project's machines (../shared/TOOLCHAINS.md) and a fresh profile
// folder, removed when the test ends. CHROMIUM overrides the executable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A browser context for test `t` (closed and its profile removed after the test), with `options`
 * added to playwright's launch options; `cleanup` runs first on the way out (a server to close).
 */
export async function launch(t, options = {}, cleanup = () => {}) {
  const profile = mkdtempSync(join(tmpdir(), 'chibo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, ...options,
  });
  t.after(async () => {
    await context.close();
    cleanup();
    rmSync(profile, { recursive: true, force: true });
  });
  return context;
}

/**
 * One headless Chromium for a whole test file (closed when test `t` ends): each scenario opens
 * its own context on it (`browser.newContext`), with its own storage.
 */
export async function startBrowser(t) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  t.after(() => browser.close());
  return browser;
}
