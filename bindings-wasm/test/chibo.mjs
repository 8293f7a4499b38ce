// Loads the Node build of the package (bindings-wasm/pkg/node, made by scripts/build-wasm).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = fileURLToPath(new URL('../pkg/node/chibo.js', import.meta.url));
if (!existsSync(path)) {
  throw new Error(`${path} is missing: run scripts/build-wasm first`);
}
const chibo = createRequire(import.meta.url)(path);
export default chibo;
