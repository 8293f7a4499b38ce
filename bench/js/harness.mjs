// What the Node benchmarks share: the journals named on the command line, their commands, and
// a best-of-N timer with a warm-up run.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The journal files named: each folder's *.jsonl in name order, each file as given. */
export function journals(paths) {
  return paths.flatMap((path) => (statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f))
    : [path]));
}

/** The commands of a journal's text: each record's event, in order. */
export function commandsOf(text) {
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line).event);
}

/** The fastest of `runs` runs of `fn` after one warm-up run (JIT, wasm tiering), and its result. */
export function best(runs, fn) {
  fn();
  let fastest = Infinity;
  let result;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    result = fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return { ms: fastest, result };
}
