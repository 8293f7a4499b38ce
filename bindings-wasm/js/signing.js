// Signing keys for chibo's signed records, shipped with the package next to chibo.js
// (docs/web.md, "Signed records"). A key is made and kept by the platform: WebCrypto's Ed25519
// where the browser or Node has it (the private key a non-extractable CryptoKey, which a page
// keeps in IndexedDB as it is), else 32 random bytes signed by the package's own WebAssembly
// (`signCommand`). Either way the signature is over the same bytes, `signingMessage(command)`, and
// is the same: Ed25519 is deterministic.
//
//   import init, { Commune } from 'chibo';                 // the web build: await init() first
//   import { generateSigningKey, signWith } from 'chibo/signing.js';
//   const key = await generateSigningKey();                // { publicKey, privateKey | secret }
//   commune.executeSigned(command, await signWith(key, command));
import { keyProofMessage, publicKey, signCommand, signingMessage, signKeyProof } from './chibo.js';

/** The fixed 16 bytes that make a 32-byte Ed25519 secret a PKCS#8 private key (RFC 8410). */
const PKCS8_PREFIX = Uint8Array.of(
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
);

const subtle = () => globalThis.crypto?.subtle;

const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

let support;

/**
 * Whether this platform's WebCrypto signs with Ed25519 (Chromium 137+, Firefox 129+, Safari 17+,
 * Node 18.4+): tried once, by generating a throwaway key.
 */
export function webCryptoEd25519() {
  support ??= (async () => {
    try {
      const pair = await subtle().generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
      await subtle().sign('Ed25519', pair.privateKey, new Uint8Array(1));
      return true;
    } catch {
      return false;
    }
  })();
  return support;
}

/**
 * A new signing key. With WebCrypto's Ed25519: `{ publicKey, privateKey, webCrypto: true }`, the
 * private key a `CryptoKey` that cannot be exported unless `extractable` is asked for. Without it:
 * `{ publicKey, secret, webCrypto: false }`, 32 bytes from `crypto.getRandomValues`, which the
 * caller must keep safe itself. `publicKey` is 64 lowercase hex, as `register_key` carries it.
 */
export async function generateSigningKey({ extractable = false } = {}) {
  if (await webCryptoEd25519()) {
    const pair = await subtle().generateKey({ name: 'Ed25519' }, extractable, ['sign', 'verify']);
    const raw = await subtle().exportKey('raw', pair.publicKey);
    return { publicKey: hex(raw), privateKey: pair.privateKey, webCrypto: true };
  }
  return fromSecret(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * A signing key from a 32-byte secret made elsewhere (a test key, a key moved from another
 * device): imported into WebCrypto as PKCS#8 where it has Ed25519 (`useWebCrypto: false` keeps
 * it on the WebAssembly path), else kept as bytes.
 */
export async function importSecretKey(secret, { extractable = false, useWebCrypto = true } = {}) {
  if (!(secret instanceof Uint8Array) || secret.length !== 32) {
    throw new TypeError('an Ed25519 secret key is 32 bytes (a Uint8Array)');
  }
  if (useWebCrypto && (await webCryptoEd25519())) {
    const pkcs8 = new Uint8Array(48);
    pkcs8.set(PKCS8_PREFIX);
    pkcs8.set(secret, 16);
    const privateKey = await subtle().importKey('pkcs8', pkcs8, { name: 'Ed25519' }, extractable, ['sign']);
    pkcs8.fill(0);
    return { publicKey: publicKey(secret), privateKey, webCrypto: true };
  }
  return fromSecret(Uint8Array.from(secret));
}

function fromSecret(secret) {
  return { publicKey: publicKey(secret), secret, webCrypto: false };
}

async function sign(key, message, fallback) {
  if (key.privateKey) return hex(await subtle().sign('Ed25519', key.privateKey, message));
  if (key.secret) return fallback(key.secret);
  throw new TypeError('a signing key has a privateKey (CryptoKey) or a secret (32 bytes)');
}

/**
 * The signature (128 hex) of `key`'s holder over `command`, for `Commune.executeSigned`: WebCrypto
 * signs `signingMessage(command)` with the private key, or the WebAssembly signs it with the secret.
 */
export function signWith(key, command) {
  return sign(key, signingMessage(command), (secret) => signCommand(secret, command));
}

/** The proof (128 hex) that `member` holds `key`: the `proof` of its `register_key` or `rotate_key`. */
export function signKeyProofWith(key, member) {
  return sign(key, keyProofMessage(member, key.publicKey), (secret) => signKeyProof(secret, member));
}
