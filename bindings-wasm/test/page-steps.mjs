// What the browser tests do on the page, step by step: wait for it, take an action and wait for
// the library's answer to be kept, reload, read the state a meeting is in.
import assert from 'node:assert/strict';

/** Waits until the page has loaded the package and the journal and drawn everything. */
export async function ready(page) {
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
}

/** Clicks `selector` and waits until the action it starts has finished (accepted and kept in the
 * browser's storage, or refused); returns the result box's class. */
export async function act(page, selector) {
  const before = Number(await page.evaluate(() => document.body.dataset.actions ?? 0));
  await page.click(selector);
  await page.waitForFunction((n) => Number(document.body.dataset.actions ?? 0) > n, before, { timeout: 30_000 });
  return page.getAttribute('#result', 'class');
}

/** `act`, which must be accepted with nothing against the rules. */
export async function accepted(page, selector, what) {
  const kind = await act(page, selector);
  assert.equal(kind, 'ok', `${what}: ${await page.textContent('#result')}`);
}

/** Reloads the page and waits for it. */
export async function reload(page) {
  await page.reload();
  await ready(page);
}

/** The open meeting's id and state, as the page shows them. */
export async function openMeeting(page) {
  return {
    id: await page.textContent('#meeting-id'),
    state: await page.getAttribute('#stepper', 'data-state'),
    saved: await page.getAttribute('#save-status', 'class'),
  };
}

/** Asserts the open meeting is `id` in `state`, kept in the browser's storage. */
export async function meetingIs(page, id, state, when) {
  const shown = await openMeeting(page);
  assert.deepEqual(shown, { id, state, saved: 'saved' }, when);
}
