// The province-year lifecycle workload in Node, through the wasm package and through the same
// lifecycle modelled with XState, in one run, side by side; prints the times and the ratio.
//
//   cargo run --release -p chibo-bench --bin province_year -- target/province --communes 4
//   node bench/js/lifecycle.mjs target/province            (every xa-*.jsonl in the folder)
//   node bench/js/lifecycle.mjs --runs 1 some/journal.jsonl
//   node bench/js/lifecycle.mjs --pkg other/pkg/node target/province   (another build)
//
// Each journal's events are read once as commands (parsing is not timed). Then, for each run:
// the wasm package executes every command of every commune into a fresh `Commune` (every rule
// checked, every record hashed into the journal), and the XState model (xstate-model.mjs) takes
// the same commands. Also timed: the same execution with every commune kept alive to the end.
// Also timed: the wasm package's `Commune.load` of each journal (decode,
// verify the chain, replay). Times are the best of the runs, after one warm-up run.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchArgs, best, commandsOf, journals } from './harness.mjs';
import { XStateCommune } from './xstate-model.mjs';

const require = createRequire(new URL('../../bindings-wasm/package.json', import.meta.url));
const xstateVersion = require('xstate/package.json').version;

const { runs, paths, pkg } = benchArgs(
  process.argv.slice(2),
  'node bench/js/lifecycle.mjs [--runs N] [--pkg DIR] <folder of xa-*.jsonl | journal.jsonl>...',
  { pkg: new URL('../../bindings-wasm/pkg/node/', import.meta.url) },
);
const chibo = await import(new URL('chibo.js', pkg));
const files = journals(paths);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const communes = texts.map(commandsOf);
const events = communes.reduce((n, c) => n + c.length, 0);

const wasm = best(runs, () => {
  const states = {};
  for (const commands of communes) {
    const commune = new chibo.Commune();
    for (const command of commands) commune.execute(command);
    for (const id of commune.meetingIds()) {
      const { state } = commune.summary('meetings', id);
      states[state] = (states[state] ?? 0) + 1;
    }
    commune.free();
  }
  return states;
});

// The same commands handed over as JSON text made before the clock starts: the difference with
// `execute` is the border's own cost of turning a JavaScript object into text.
const lines = communes.map((commands) => commands.map((command) => JSON.stringify(command)));
const fromText = best(runs, () => {
  let executed = 0;
  for (const commands of lines) {
    const commune = new chibo.Commune();
    for (const command of commands) commune.execute(command);
    executed += commune.length;
    commune.free();
  }
  return executed;
});

// The same commands with every commune kept alive until all are done (a province page holding
// each commune it shows): the cost per command should not grow with the communes alive.
const held = best(runs, () => {
  const alive = [];
  let meetings = 0;
  for (const commands of communes) {
    const commune = new chibo.Commune();
    for (const command of commands) commune.execute(command);
    meetings += commune.meetingIds().length;
    alive.push(commune);
  }
  for (const commune of alive) commune.free();
  return meetings;
});

const load = best(runs, () => {
  let records = 0;
  for (const text of texts) {
    const commune = chibo.Commune.load(text);
    records += commune.length;
    commune.free();
  }
  return records;
});

const xstate = best(runs, () => {
  const states = {};
  let refused = 0;
  for (const commands of communes) {
    const commune = new XStateCommune();
    for (const command of commands) commune.execute(command);
    for (const [state, n] of Object.entries(commune.states())) states[state] = (states[state] ?? 0) + n;
    refused += commune.refused;
  }
  return { states, refused };
});

const rate = (ms) => `${Math.round(events / (ms / 1000)).toLocaleString('en')} events/s`;
console.log(`workload: ${files.length} commune journal(s), ${events} commands; Node ${process.version}, `
  + `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}; best of ${runs} run(s) after a warm-up`);
console.log(`meetings by state, wasm:   ${JSON.stringify(wasm.result)}`);
console.log(`meetings by state, XState: ${JSON.stringify(xstate.result.states)} (${xstate.result.refused} events it ignored)`);
console.log(`wasm package, execute:   ${wasm.ms.toFixed(1).padStart(9)} ms  ${rate(wasm.ms)}`);
console.log(`wasm package, execute from JSON text: ${fromText.ms.toFixed(1).padStart(9)} ms  ${rate(fromText.ms)} `
  + `(${(fromText.ms / wasm.ms).toFixed(2)}× the time from objects)`);
console.log(`wasm package, execute, all communes alive: ${held.ms.toFixed(1).padStart(9)} ms  ${rate(held.ms)} `
  + `(${(held.ms / wasm.ms).toFixed(2)}× the time with each commune freed; target ≤ 2×)`);
console.log(`wasm package, load:      ${load.ms.toFixed(1).padStart(9)} ms  ${rate(load.ms)} (${load.result} records replayed)`);
console.log(`XState ${xstateVersion} model:     ${xstate.ms.toFixed(1).padStart(9)} ms  ${rate(xstate.ms)}`);
console.log(`ratio XState / wasm execute: ${(xstate.ms / wasm.ms).toFixed(2)}×  `
  + `(XState / wasm load: ${(xstate.ms / load.ms).toFixed(2)}×)`);
