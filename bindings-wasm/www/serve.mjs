// A tiny static file server for the page: serves this folder on 127.0.0.1 only.
// Usage: node www/serve.mjs [port]   (port 0 or none: any free port; the URL is printed)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/** The file under `root` a URL path names, or null when it would leave the folder or is not a
 * well-formed percent-encoded path (`/%E0%A4%A`: answered 400, never a crash). */
export function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  const path = normalize(decoded);
  const full = join(root, path.endsWith('/') ? `${path}index.html` : path);
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

export function serve(port = 0) {
  const server = createServer(async (request, response) => {
    const file = fileFor(request.url ?? '/');
    if (file === undefined) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('bad request: the path is not well-formed percent-encoding');
      return;
    }
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`chibo page: http://127.0.0.1:${server.address().port}/`);
}
