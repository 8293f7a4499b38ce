// The page's static server answers every request and never crashes: a malformed percent-encoding
// is a 400, a path leaving the folder a 404, a file a 200 (a real server on a free port).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../www/serve.mjs';

test('the static server answers malformed, escaping and normal paths, and keeps serving', async () => {
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    assert.equal((await fetch(`${base}/%E0%A4%A`)).status, 400);
    assert.equal((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status, 404);
    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.equal((await fetch(`${base}/app.js`)).status, 200);
  } finally {
    server.close();
  }
});
