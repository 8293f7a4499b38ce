// Loads the Node build of the package (bindings-wasm/pkg/node, made by scripts/build-wasm).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const url = new URL('../pkg/node/chibo.js', import.meta.url);
if (!existsSync(fileURLToPath(url))) {
  throw new Error(`${fileURLToPath(url)} is missing: run scripts/build-wasm first`);
}
const chibo = await import(url);
export default chibo;
