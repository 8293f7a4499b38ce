import { readFileSync } from 'node:fs';
const chibo = await import(process.env.PKG);
const text = readFileSync('/work/main/bindings-wasm/www/data/nga-truong.jsonl', 'utf8');
const cmds = text.split('\n').filter(Boolean).map((l) => JSON.parse(l).event);
const strs = cmds.map((c) => JSON.stringify(c));
const r = { load: 1e9, execStr: 1e9, execObj: 1e9 };
for (let i = 0; i < 5; i++) {
  let t = performance.now(); chibo.Commune.load(text).free(); r.load = Math.min(r.load, performance.now() - t);
  t = performance.now(); let c = new chibo.Commune(); for (const s of strs) c.execute(s); c.free(); r.execStr = Math.min(r.execStr, performance.now() - t);
  t = performance.now(); c = new chibo.Commune(); for (const s of cmds) c.execute(s); c.free(); r.execObj = Math.min(r.execObj, performance.now() - t);
}
console.log(JSON.stringify(r));
