// The JSON Schema derived from the core's types (schema/*.schema.json, from which the package's
// TypeScript is generated) says what the core reads: every command and query the scenarios and
// the Nga Trường year send (all but those the core refuses as bad input, `input.*`) validates against it,
// and src/generated.d.ts is what scripts/gen-types.mjs writes from it today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const ajv = new Ajv({ strict: false, allErrors: false });
const command = ajv.compile(JSON.parse(readFileSync(root('schema/command.schema.json'), 'utf8')));
const query = ajv.compile(JSON.parse(readFileSync(root('schema/query.schema.json'), 'utf8')));

/** Every step of every scenario file and setup file: `[label, step]`. */
function steps() {
  const out = [];
  for (const dir of ['tests/scenarios', 'tests/scenarios/setup']) {
    for (const name of readdirSync(root(dir)).filter((n) => n.endsWith('.json')).sort()) {
      const file = JSON.parse(readFileSync(root(`${dir}/${name}`), 'utf8'));
      (file.steps ?? []).forEach((step, i) => out.push([`${name} step ${i + 1}`, step]));
    }
  }
  return out;
}

test('every scenario command and query the core reads validates against the derived schema', () => {
  let commands = 0;
  let queries = 0;
  for (const [label, step] of steps()) {
    const malformed = step.expect?.error?.startsWith('input.') ?? false; // bad input: both refuse it
    if (step.query !== undefined && !malformed) {
      assert.ok(query(step.query), `${label}: ${ajv.errorsText(query.errors)}`);
      queries += 1;
    }
    const cmd = step.command ?? (step.action ? step : undefined);
    if (cmd !== undefined && !malformed) {
      assert.ok(command(cmd), `${label}: ${JSON.stringify(cmd.action).slice(0, 120)}: ${ajv.errorsText(command.errors)}`);
      commands += 1;
    }
  }
  assert.ok(commands > 800 && queries > 30, `${commands} commands, ${queries} queries`);
});

test('what the core refuses as malformed the schema refuses too, where the shape is wrong', () => {
  const bad = [
    { actor: 'a', at: '2025-03-01T08:00:00+07:00', action: { hold_preparatory_meeting: { meeting: 'm', attendees: [], agreed: true } } },
    { actor: 'a', at: '2025-03-01T08:00:00+07:00', action: { send_notise: { meeting: 'm' } } },
    { actor: 'a', at: '2025-03-01T08:00:00+07:00', action: { send_notice: { meetng: 'm' } } },
    { actor: 'a', action: { send_notice: { meeting: 'm' } } },
  ];
  for (const value of bad) assert.equal(command(value), false, JSON.stringify(value));
});

test('every command of the Nga Trường year validates against the derived schema', { skip: !existsSync(root('bindings-wasm/www/data/nga-truong.jsonl')) }, () => {
  const lines = readFileSync(root('bindings-wasm/www/data/nga-truong.jsonl'), 'utf8').split('\n').filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const record = JSON.parse(line);
    const cmd = record.event ?? record.command ?? record;
    assert.ok(command(cmd), `line ${i + 1}: ${ajv.errorsText(command.errors)}`);
  }
  assert.ok(lines.length > 5000);
});

test('src/generated.d.ts is fresh', () => {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/gen-types.mjs', import.meta.url)), '--check'], { stdio: 'inherit' });
});
