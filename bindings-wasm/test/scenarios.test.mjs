// Replays every tests/scenarios/*.json file through the wasm package, with the semantics of
// core/tests/scenarios.rs (format: tests/scenarios/README.md): setup files, command steps, query
// steps, subset match, a refused step leaves the state byte-identical, refusal fields, and the
// journal of the accepted steps reloads to the same state. A step with `sign_with` is signed by
// `signCommand` and executed by `executeSigned`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import chibo from './chibo.mjs';

const dir = fileURLToPath(new URL('../../tests/scenarios/', import.meta.url));
const SUMMARY_KINDS = ['meetings', 'tasks', 'inspections', 'remediations', 'members'];

/** Whether `actual` contains everything `expected` says (tests/scenarios/README.md). */
export function subset(expected, actual) {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length
      && expected.every((e, i) => subset(e, actual[i]));
  }
  if (expected !== null && typeof expected === 'object') {
    return actual !== null && typeof actual === 'object' && !Array.isArray(actual)
      && Object.entries(expected).every(([k, v]) => Object.hasOwn(actual, k) && subset(v, actual[k]));
  }
  return expected === actual;
}

const load = (path) => JSON.parse(readFileSync(path, 'utf8'));

function refusal(fn) {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

function checkSummaries(commune, expect, label) {
  for (const kind of SUMMARY_KINDS) {
    for (const [id, want] of Object.entries(expect[kind] ?? {})) {
      const actual = commune.summary(kind, id);
      assert.ok(subset(want, actual),
        `${label}: ${kind} ${id} is ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`);
    }
  }
}

function runQuery(commune, step, label, codes) {
  const before = commune.stateJson();
  const { value, error } = refusal(() => commune.query(step.query));
  assert.equal(commune.stateJson(), before, `${label}: a query changed the state`);
  if (step.expect.error === undefined) {
    assert.ok(!error, `${label}: refused ${error?.code}: ${error?.message}`);
    assert.ok(subset(step.expect.result, value),
      `${label}: result ${JSON.stringify(value)} does not contain ${JSON.stringify(step.expect.result)}`);
  } else {
    assert.ok(error, `${label}: expected ${step.expect.error}, got a result`);
    assert.equal(error.code, step.expect.error, `${label}: ${error.message}`);
    codes.add(error.code);
  }
}

/** A step's `sign_with` (64 hex, a test secret key) as 32 bytes, or `undefined`. */
export function signingSecret(step, label) {
  if (step.sign_with === undefined) return undefined;
  assert.match(step.sign_with, /^[0-9a-f]{64}$/, `${label}: sign_with is not 64 hex`);
  return Uint8Array.from(Buffer.from(step.sign_with, 'hex'));
}

/** Executes a step's command: signed with `sign_with` by the binding's `signCommand`, if given. */
function execute(commune, step, label) {
  const secret = signingSecret(step, label);
  if (secret === undefined) return commune.execute(step.command);
  return commune.executeSigned(step.command, chibo.signCommand(secret, step.command));
}

function runCommand(commune, step, label, codes) {
  const before = commune.stateJson();
  const { error } = refusal(() => execute(commune, step, label));
  const expect = step.expect;
  if (expect.error === undefined) {
    assert.ok(!error, `${label}: refused ${error?.code}: ${error?.messageEn}`);
  } else {
    assert.ok(error, `${label}: expected ${expect.error}, but it was accepted`);
    assert.ok(error instanceof Error, `${label}: the refusal is not an Error`);
    assert.equal(error.code, expect.error, `${label}: ${error.messageEn}`);
    assert.ok(error.messageVi && error.messageEn, `${label}: empty message for ${error.code}`);
    assert.equal(commune.stateJson(), before, `${label}: refused command changed the state`);
    if (expect.fields) {
      assert.ok(subset(expect.fields, error.fields),
        `${label}: fields ${JSON.stringify(error.fields)} do not contain ${JSON.stringify(expect.fields)}`);
    }
    codes.add(error.code);
  }
  checkSummaries(commune, expect, label);
}

function replay(file, codes) {
  const scenario = load(dir + file);
  const commune = new chibo.Commune();
  const setups = scenario.setup === undefined ? [] : [scenario.setup].flat();
  for (const name of setups) {
    for (const [i, command] of load(`${dir}setup/${name}.json`).steps.entries()) {
      const { error } = refusal(() => commune.execute(command));
      assert.ok(!error, `${file} (setup ${name}) step ${i} refused: ${error?.code} ${error?.messageEn}`);
    }
  }
  assert.ok(scenario.steps.length > 0, `${file}: no steps`);
  for (const [i, step] of scenario.steps.entries()) {
    const label = `${file} step ${i}`;
    if (step.query !== undefined) runQuery(commune, step, label, codes);
    else runCommand(commune, step, label, codes);
  }
  // The journal of every accepted step, reloaded, rebuilds the same state and head.
  const reloaded = chibo.Commune.load(commune.journalText());
  assert.equal(reloaded.stateJson(), commune.stateJson(), `${file}: the reloaded journal differs`);
  assert.deepEqual(reloaded.head, commune.head, `${file}: the reloaded head differs`);
  assert.deepEqual(chibo.verify(commune.journalText()), commune.head, `${file}: verify's head differs`);
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const codes = new Set();

for (const file of files) {
  test(`scenario ${file}`, () => replay(file, codes));
}

test('every refusal code of the core is produced by some scenario', () => {
  assert.ok(files.length >= 60, `only ${files.length} scenario files`);
  const all = chibo.errorCodes();
  const missing = all.filter((c) => !c.startsWith('journal.') && !codes.has(c));
  assert.deepEqual(missing, [], 'refusal codes no scenario produced through the wasm package');
  const unknown = [...codes].filter((c) => !all.includes(c));
  assert.deepEqual(unknown, [], 'codes missing from errorCodes()');
});
