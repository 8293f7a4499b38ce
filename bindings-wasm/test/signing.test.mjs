// Signed records through the package (docs/web.md, "Signed records"): WebCrypto's Ed25519 and the
// wasm sign the same bytes alike; a key made by WebCrypto, never exported, signs records the core
// accepts; a forged device journal (the secretary's name, another key) is refused on merge; a
// revoked key's record is refused; a journal with its tail dropped fails against its last signed
// seal; bad input is a typed refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, webcrypto } from 'node:crypto';
import chibo from './chibo.mjs';
import { setup, thrown } from './support.mjs';

const signing = await import(new URL('../pkg/node/signing.js', import.meta.url));
const subtle = webcrypto.subtle;

const secret = (byte) => new Uint8Array(32).fill(byte);
const SECRETARY = secret(0x11);
const REGISTRAR = secret(0x22);
const MEMBER = secret(0x33);
const STRANGER = secret(0x55);
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const EVENT_DOMAIN = 'chibo/event/v1\n';

const command = (actor, at, action) => ({ actor, at, action });

const register = (member, key) => command('vp', '2025-01-10T08:00:00+07:00', {
  register_key: { member, key: chibo.publicKey(key), proof: chibo.signKeyProof(key, member) },
});

/** The Nga Trường setup; the registrar registers three keys and requires signatures from 2025-02-01. */
function keyed() {
  const commune = new chibo.Commune();
  for (const step of setup('commune')) commune.execute(step);
  for (const [member, key] of [['vp', REGISTRAR], ['x1-bt', SECRETARY], ['x1-03', MEMBER]]) {
    commune.execute(register(member, key));
  }
  const policy = command('vp', '2025-01-20T08:00:00+07:00', {
    amend_rules: {
      from: '2025-02-01',
      overrides: {
        signatures_required: {
          value: true,
          source: { document: 'Nghị quyết của Đảng ủy xã Nga Trường', date: '2025-01-20', provision: 'R-33', verified: true },
        },
      },
    },
  });
  commune.executeSigned(policy, chibo.signCommand(REGISTRAR, policy));
  return commune;
}

/**
 * A journal line written by hand, as a forger's own tool would (docs/journal.md: the body, its
 * SHA-256, the hash inserted before the last brace): `command` signed with whatever `signature`.
 */
function forgedLine(head, command, signature) {
  const message = chibo.signingMessage(command);
  const event = Buffer.from(message).subarray(EVENT_DOMAIN.length).toString('utf8');
  const body = `{"v":2,"seq":${head.seq + 1},"prev":"${head.hash}","event":${event},"sig":"${signature}"}`;
  const hash = createHash('sha256').update(body).digest('hex');
  return `${body.slice(0, -1)},"hash":"${hash}"}`;
}

test('the message signed is the domain and the event JSON; WebCrypto and the wasm sign it alike', async () => {
  const send = command('x1-bt', new Date('2025-02-25T08:00:00Z'), {
    revoke_key: { member: 'x1-03', reason: 'Mất điện thoại' },
  });
  const message = chibo.signingMessage(send);
  assert.ok(message instanceof Uint8Array);
  const text = Buffer.from(message).toString('utf8');
  assert.ok(text.startsWith(EVENT_DOMAIN), text);
  assert.deepEqual(JSON.parse(text.slice(EVENT_DOMAIN.length)).at, '2025-02-25T15:00:00+07:00', 'a Date is read at +07:00');
  // The same message from the command's JSON text.
  assert.deepEqual(chibo.signingMessage(JSON.stringify({ ...send, at: '2025-02-25T15:00:00+07:00' })), message);

  for (const key of [SECRETARY, REGISTRAR, STRANGER, crypto.getRandomValues(new Uint8Array(32))]) {
    const pkcs8 = Buffer.concat([PKCS8_PREFIX, key]);
    const privateKey = await subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
    const byWebCrypto = hex(await subtle.sign('Ed25519', privateKey, message));
    const byWasm = chibo.signCommand(key, send);
    assert.match(byWasm, /^[0-9a-f]{128}$/);
    assert.equal(byWebCrypto, byWasm, 'byte-identical signatures');
    // The public key WebCrypto derives is the one the wasm gives.
    const extractable = await subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
    const jwk = await subtle.exportKey('jwk', extractable);
    assert.equal(Buffer.from(jwk.x, 'base64url').toString('hex'), chibo.publicKey(key));
    // The key proof, likewise.
    const proofMessage = chibo.keyProofMessage('x1-bt', chibo.publicKey(key));
    assert.equal(Buffer.from(proofMessage).toString('utf8'), `chibo/key/v1\nx1-bt\n${chibo.publicKey(key)}`);
    assert.equal(hex(await subtle.sign('Ed25519', privateKey, proofMessage)), chibo.signKeyProof(key, 'x1-bt'));
    // signing.js: the WebCrypto path and the wasm path of one imported secret.
    const viaWebCrypto = await signing.importSecretKey(key);
    const viaWasm = await signing.importSecretKey(key, { useWebCrypto: false });
    assert.equal(viaWebCrypto.webCrypto, true);
    assert.equal(viaWebCrypto.privateKey.extractable, false);
    assert.equal(viaWasm.webCrypto, false);
    assert.equal(viaWebCrypto.publicKey, viaWasm.publicKey);
    assert.equal(await signing.signWith(viaWebCrypto, send), byWasm);
    assert.equal(await signing.signWith(viaWasm, send), byWasm);
    assert.equal(await signing.signKeyProofWith(viaWebCrypto, 'x1-bt'), chibo.signKeyProof(key, 'x1-bt'));
  }
});

test('a key WebCrypto made and never exports registers and signs records the core accepts', async () => {
  assert.equal(await signing.webCryptoEd25519(), true, 'Node 20 has WebCrypto Ed25519');
  const key = await signing.generateSigningKey();
  assert.equal(key.webCrypto, true);
  assert.equal(key.privateKey.extractable, false, 'the private key cannot be exported');
  await assert.rejects(subtle.exportKey('pkcs8', key.privateKey));
  assert.match(key.publicKey, /^[0-9a-f]{64}$/);
  const commune = keyed();
  // x1-04 gets the new key, witnessed by the registrar (who signs the record), before signing with it.
  const registration = command('vp', '2025-02-20T08:00:00+07:00', {
    register_key: { member: 'x1-04', key: key.publicKey, proof: await signing.signKeyProofWith(key, 'x1-04') },
  });
  commune.executeSigned(registration, chibo.signCommand(REGISTRAR, registration));
  const revoke = command('x1-04', '2025-02-21T08:00:00+07:00', { revoke_key: { member: 'x1-04', reason: 'Đổi máy' } });
  const line = commune.executeSigned(revoke, await signing.signWith(key, revoke));
  assert.match(line, /^\{"v":2,/);
  assert.ok(line.includes(`"sig":"${await signing.signWith(key, revoke)}"`));
  const reloaded = chibo.Commune.load(commune.journalText());
  assert.deepEqual(reloaded.head, commune.head);
  // Ed25519 is deterministic: the same key signs the same command alike.
  assert.equal(await signing.signWith(key, revoke), await signing.signWith(key, revoke));
  // Without WebCrypto's Ed25519 the module falls back to 32 random bytes and the wasm.
  const fallback = await signing.importSecretKey(crypto.getRandomValues(new Uint8Array(32)), { useWebCrypto: false });
  assert.equal(fallback.secret.length, 32);
});

test('a forged device journal (the secretary\'s name, another key) is refused on load and on merge', () => {
  const shared = keyed();
  const head = shared.head;
  const forged = command('x1-bt', '2025-02-25T15:00:00+07:00', { revoke_key: { member: 'x1-03', reason: 'Mất điện thoại' } });
  // The binding refuses to write it...
  const device = chibo.Commune.load(shared.journalText());
  const refused = thrown(() => device.executeSigned(forged, chibo.signCommand(STRANGER, forged)));
  assert.equal(refused.name, 'JournalError');
  assert.equal(refused.code, 'journal.signature_invalid');
  assert.equal(refused.kind, 'journal');
  assert.equal(refused.fields.actor, 'x1-bt');
  assert.ok(refused.messageVi && refused.messageEn);
  assert.deepEqual(device.head, head, 'nothing written');
  // ...so the forger writes the line by hand; its chain holds, its signature does not.
  const text = `${shared.journalText()}${forgedLine(head, forged, chibo.signCommand(STRANGER, forged))}\n`;
  assert.equal(chibo.verify(text).seq, head.seq + 1, 'the hash chain is intact');
  const load = thrown(() => chibo.Commune.load(text));
  assert.equal(load.code, 'journal.signature_invalid');
  assert.equal(load.fields.line, head.seq + 1);
  const merge = shared.merge(text);
  assert.deepEqual(merge.appended, []);
  assert.equal(merge.conflicts.length, 1);
  assert.equal(merge.conflicts[0].reason.code, 'journal.signature_invalid');
  assert.deepEqual(shared.head, head, 'nothing merged');
  // Unsigned, after the policy date: refused too.
  const unsigned = thrown(() => device.execute(forged));
  assert.equal(unsigned.code, 'journal.signature_missing');
  // Signed by the secretary, the same record merges, its signature carried over.
  const honest = chibo.Commune.load(shared.journalText());
  const line = honest.executeSigned(forged, chibo.signCommand(SECRETARY, forged));
  assert.equal(line, forgedLine(head, forged, chibo.signCommand(SECRETARY, forged)), 'the hand-written line is the library\'s');
  const merged = shared.merge(honest.journalText());
  assert.equal(merged.appended.length, 1, JSON.stringify(merged.conflicts));
  assert.equal(shared.head.seq, head.seq + 1);
});

test('a record signed with a key revoked before its date is refused', () => {
  const commune = keyed();
  const revoke = command('x1-bt', '2025-03-01T08:00:00+07:00', { revoke_key: { member: 'x1-03', reason: 'Mất điện thoại' } });
  commune.executeSigned(revoke, chibo.signCommand(SECRETARY, revoke));
  const late = command('x1-03', '2025-03-03T08:00:00+07:00', { revoke_key: { member: 'x1-03', reason: 'Thử lại' } });
  const head = commune.head;
  const before = commune.stateJson();
  const refused = thrown(() => commune.executeSigned(late, chibo.signCommand(MEMBER, late)));
  assert.equal(refused.code, 'journal.signature_invalid');
  assert.equal(commune.stateJson(), before);
  // Written by hand into the journal, it is refused on load, naming its line.
  const text = `${commune.journalText()}${forgedLine(head, late, chibo.signCommand(MEMBER, late))}\n`;
  const load = thrown(() => chibo.Commune.load(text));
  assert.equal(load.code, 'journal.signature_invalid');
  assert.equal(load.fields.line, head.seq + 1);
  // The records the key signed before its revocation still load.
  assert.deepEqual(chibo.Commune.load(commune.journalText()).head, head);
});

test('a journal with its last records dropped fails against its last signed seal', () => {
  const commune = keyed();
  const head = commune.head;
  const seal = command('x1-bt', '2025-02-25T08:00:00+07:00', { seal_journal: { seq: head.seq, hash: head.hash } });
  const sealLine = commune.executeSigned(seal, chibo.signCommand(SECRETARY, seal));
  const whole = commune.journalText();
  assert.deepEqual(chibo.verifySignedSeal(whole, sealLine), commune.head);
  const lines = whole.split('\n').filter(Boolean);
  for (const kept of [0, 1, lines.length - 2, lines.length - 1]) {
    const cut = lines.slice(0, kept).map((l) => `${l}\n`).join('');
    const error = thrown(() => chibo.verifySignedSeal(cut, sealLine));
    assert.equal(error.code, 'journal.seal_missing', `${kept} kept`);
    assert.equal(error.name, 'JournalError');
    // verifySealed with the head would need the head kept elsewhere; the signed seal is in the journal.
  }
  const unsigned = thrown(() => chibo.verifySignedSeal(whole, lines[0]));
  assert.equal(unsigned.code, 'journal.not_a_signed_seal');
  const stale = command('x1-bt', '2025-02-26T08:00:00+07:00', { seal_journal: { seq: head.seq, hash: head.hash } });
  assert.equal(thrown(() => commune.executeSigned(stale, chibo.signCommand(SECRETARY, stale))).code, 'journal.seal_mismatch');
});

test('bad keys and signatures are typed refusals, never a crash', () => {
  const commune = keyed();
  const send = command('x1-bt', '2025-02-25T08:00:00+07:00', { revoke_key: { member: 'x1-03', reason: 'x' } });
  for (const fn of [
    () => chibo.publicKey(new Uint8Array(31)),
    () => chibo.signCommand(new Uint8Array(33), send),
    () => chibo.signKeyProof(new Uint8Array(0), 'x1-bt'),
    () => chibo.keyProofMessage('x1-bt', 'AB'.repeat(32)),
    () => commune.executeSigned(send, 'zz'),
    () => commune.executeSigned(send, chibo.signCommand(SECRETARY, send).toUpperCase()),
    () => chibo.signingMessage({ actor: 'x1-bt' }),
  ]) {
    const error = thrown(fn);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'InputError');
    assert.equal(error.code, 'input.malformed');
  }
  assert.equal(thrown(() => chibo.verifySignedSeal('', 'not a record')).kind, 'journal');
});
