// The wasm border measured (issue 20): the same commands executed into a fresh journal by
// every way a JavaScript command can reach the core, side by side in one run:
//
//   package, object        Commune.execute(object): JSON.stringify with the package's replacer
//                          (Dates at +07:00, what JSON cannot hold refused), then the core's reader
//   package, text          Commune.execute(text): the same, the text made before the clock
//   text, stringify        Border.executeText(JSON.stringify(object)): no replacer
//   text, made before      Border.executeText(text): the core's own cost, the floor of this border
//   serde-wasm-bindgen     Border.executeObject(object): the object walked from WebAssembly
//
//   scripts/build-wasm && bench/wasm-border/build
//   cargo run --release -p chibo-bench --bin province_year -- target/province --communes 4
//   node bench/js/border.mjs [--runs 3] target/province
//
// Times are the best of the runs after one warm-up; every path must accept every command (the
// same journal length), or the run fails.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchArgs, best, commandsOf, journals } from './harness.mjs';

const root = new URL('../../', import.meta.url);

const { runs, paths } = benchArgs(
  process.argv.slice(2),
  'node bench/js/border.mjs [--runs N] <folder of xa-*.jsonl | journal.jsonl>...',
);
const chibo = await import(new URL('bindings-wasm/pkg/node/chibo.js', root));
const { Border } = await import(new URL('target/wasm-border/object/border.js', root));
const files = journals(paths);
const communes = files.map((f) => commandsOf(readFileSync(f, 'utf8')));
const texts = communes.map((commands) => commands.map((command) => JSON.stringify(command)));
const events = communes.reduce((n, c) => n + c.length, 0);

/** Runs `execute(journal, command)` over every commune's commands; returns the records kept. */
function through(make, inputs, execute) {
  let records = 0;
  for (const commands of inputs) {
    const journal = make();
    for (const command of commands) execute(journal, command);
    records += Number(journal.length);
    journal.free();
  }
  return records;
}

const paths_ = [
  ['package, object', () => through(() => new chibo.Commune(), communes, (j, c) => j.execute(c))],
  ['package, text made before', () => through(() => new chibo.Commune(), texts, (j, c) => j.execute(c))],
  ['text, JSON.stringify (no replacer)', () => through(() => new Border(), communes, (j, c) => j.executeText(JSON.stringify(c)))],
  ['text, made before', () => through(() => new Border(), texts, (j, c) => j.executeText(c))],
  ['serde-wasm-bindgen, object', () => through(() => new Border(), communes, (j, c) => j.executeObject(c))],
];

const measured = paths_.map(([name, fn]) => ({ name, ...best(runs, fn) }));
for (const { name, result } of measured) {
  if (result !== events) throw new Error(`${name}: ${result} records kept for ${events} commands`);
}
const floor = measured.find((m) => m.name === 'text, made before').ms;
console.log(`workload: ${files.length} commune journal(s), ${events} commands; Node ${process.version}, `
  + `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}; best of ${runs} run(s) after a warm-up`);
console.log(`${'path'.padEnd(36)} ${'ms'.padStart(9)} ${'µs/command'.padStart(11)}  ÷ text made before`);
for (const { name, ms } of measured) {
  console.log(`${name.padEnd(36)} ${ms.toFixed(1).padStart(9)} ${(ms * 1000 / events).toFixed(2).padStart(11)}  ${(ms / floor).toFixed(2)}×`);
}
