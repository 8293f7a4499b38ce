// The JavaScript column of docs/operations.md names what the package exports: `new Commune()`
// the class, `Commune.f` a static function, `commune.f` a method or getter of an instance, a bare
// name a module-level function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import chibo from './chibo.mjs';

const text = readFileSync(fileURLToPath(new URL('../../docs/operations.md', import.meta.url)), 'utf8');

function column(index) {
  const body = text.slice(text.indexOf('<!-- operations:start -->'), text.indexOf('<!-- operations:end -->'));
  const rows = body.split('\n').filter((line) => line.startsWith('| ')).slice(1);
  return rows.flatMap((row) => [...row.split('|')[index].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
}

test('every JavaScript name of the operations table exists', () => {
  const names = column(4);
  assert.ok(names.length >= 12, names.join(', '));
  const instance = new chibo.Commune();
  for (const name of names) {
    if (name === 'new Commune()') {
      assert.equal(typeof chibo.Commune, 'function');
    } else if (name.startsWith('Commune.')) {
      assert.equal(typeof chibo.Commune[name.slice(8)], 'function', name);
    } else if (name.startsWith('commune.')) {
      assert.ok(name.slice(8) in instance, name);
    } else {
      assert.equal(typeof chibo[name], 'function', name);
    }
  }
  instance.free();
});
