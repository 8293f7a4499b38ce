// The floor of a command's cost in WebAssembly (issue 20), side by side in one run with the
// package and the XState model: what reading, writing and hashing a journal line cost in wasm
// before any rule is checked (bench/wasm-border/src/floor.rs), against executing and loading
// through the package and the same commands through the XState model.
//
//   scripts/build-wasm && bench/wasm-border/build text
//   node bench/js/floor.mjs [--runs 3] target/province-20
//
// Prints µs per record for each and the ratios the targets are read against: load ÷ (read +
// SHA-256), execute ÷ (write + SHA-256), and what "5× the XState model" leaves per command
// next to SHA-256 alone. Times are the best of the runs after one warm-up; each part must do
// every record (the same count), or the run fails.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchArgs, best, commandsOf, journals } from './harness.mjs';
import { XStateCommune } from './xstate-model.mjs';

const root = new URL('../../', import.meta.url);

const { runs, paths } = benchArgs(
  process.argv.slice(2),
  'node bench/js/floor.mjs [--runs N] <folder of xa-*.jsonl | journal.jsonl>...',
);
const chibo = await import(new URL('bindings-wasm/pkg/node/chibo.js', root));
const { Floor } = await import(new URL('target/wasm-border/text/border.js', root));
const files = journals(paths);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const communes = texts.map(commandsOf);
const records = communes.reduce((n, c) => n + c.length, 0);
const floors = texts.map((text) => new Floor(text));

/** Sums `part(floor)` over every commune's floor: the records it did. */
const overFloors = (part) => () => floors.reduce((n, floor) => n + part(floor), 0);

const measured = {
  read: best(runs, overFloors((f) => f.parse())),
  write: best(runs, overFloors((f) => f.encode())),
  sha256: best(runs, overFloors((f) => f.hash())),
  execute: best(runs, () => {
    let kept = 0;
    for (const commands of communes) {
      const commune = new chibo.Commune();
      for (const command of commands) commune.execute(command);
      kept += commune.length;
      commune.free();
    }
    return kept;
  }),
  load: best(runs, () => texts.reduce((n, text) => {
    const commune = chibo.Commune.load(text);
    const kept = commune.length;
    commune.free();
    return n + kept;
  }, 0)),
  xstate: best(runs, () => {
    let taken = 0;
    for (const commands of communes) {
      const commune = new XStateCommune();
      for (const command of commands) commune.execute(command);
      taken += commands.length;
    }
    return taken;
  }),
};
for (const [name, { result }] of Object.entries(measured)) {
  if (result !== records) throw new Error(`${name}: ${result} records for ${records}`);
}
for (const floor of floors) floor.free();

const us = (name) => (measured[name].ms * 1000) / records;
console.log(`workload: ${files.length} commune journal(s), ${records} records; Node ${process.version}, `
  + `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}; best of ${runs} run(s) after a warm-up`);
const rows = [
  ['read a line (serde_json, typed)', 'read'],
  ['write an event (serde_json)', 'write'],
  ['SHA-256 of a line (sha2, software)', 'sha256'],
  ['package: Commune.execute', 'execute'],
  ['package: Commune.load', 'load'],
  ['XState model', 'xstate'],
];
for (const [label, name] of rows) {
  console.log(`${label.padEnd(36)} ${us(name).toFixed(2).padStart(8)} µs/record`);
}
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
console.log(`load ÷ (read + SHA-256): ${ratio(us('load'), us('read') + us('sha256'))}; `
  + `execute ÷ (write + SHA-256): ${ratio(us('execute'), us('write') + us('sha256'))}`);
console.log(`5× the XState model leaves ${(us('xstate') / 5).toFixed(2)} µs a command; `
  + `SHA-256 alone is ${ratio(us('sha256'), us('xstate') / 5)} that, write + SHA-256 `
  + `${ratio(us('write') + us('sha256'), us('xstate') / 5)}`);
