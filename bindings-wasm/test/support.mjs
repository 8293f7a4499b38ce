// Helpers the Node tests of the package share.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const setupDir = fileURLToPath(new URL('../../tests/scenarios/setup/', import.meta.url));

/** The commands of a scenario setup file (tests/scenarios/setup/NAME.json). */
export const setup = (name) => JSON.parse(readFileSync(`${setupDir}${name}.json`, 'utf8')).steps;

/** What `fn` throws; the test fails if it returns. */
export function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('expected a refusal');
}
