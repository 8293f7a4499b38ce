// What the Node benchmarks share: their command line, the journals named on it, their commands,
// and a best-of-N timer with a warm-up run.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/**
 * A benchmark's command line: `[--runs N] [--pkg DIR] <journals>...`, `--pkg` only where
 * `pkg` (the default package folder, a URL) is given. Prints `usage` and exits when no journal
 * is named or `--runs` is not a positive number.
 */
export function benchArgs(argv, usage, { pkg } = {}) {
  const args = { runs: 3, paths: [], pkg };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--runs') args.runs = Number(argv[(i += 1)]);
    else if (pkg && argv[i] === '--pkg') args.pkg = pathToFileURL(`${resolve(argv[(i += 1)])}/`);
    else args.paths.push(argv[i]);
  }
  if (args.paths.length === 0 || !(args.runs >= 1)) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return args;
}
