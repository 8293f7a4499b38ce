// Declarations of signing.js (hand-written; chibo.d.ts is wasm-bindgen's).
import type { Command } from './chibo.js';

/** A member's signing key as this module makes it: WebCrypto's, or 32 bytes for the WebAssembly. */
export type SigningKey =
  | {
      /** The public key, 64 lowercase hex (what `register_key` carries). */
      publicKey: string;
      /** WebCrypto's Ed25519 private key: keep it in IndexedDB as it is (a CryptoKey clones). */
      privateKey: CryptoKey;
      webCrypto: true;
    }
  | {
      publicKey: string;
      /** The 32-byte secret, signed with by the package's WebAssembly (`signCommand`). */
      secret: Uint8Array;
      webCrypto: false;
    };

/** Whether this platform's WebCrypto signs with Ed25519 (tried once). */
export function webCryptoEd25519(): Promise<boolean>;

/** A new key: WebCrypto's Ed25519 (non-extractable unless asked) where present, else 32 random bytes. */
export function generateSigningKey(options?: { extractable?: boolean }): Promise<SigningKey>;

/** A key from a 32-byte secret made elsewhere: imported into WebCrypto (PKCS#8) where it can be. */
export function importSecretKey(
  secret: Uint8Array,
  options?: { extractable?: boolean; useWebCrypto?: boolean },
): Promise<SigningKey>;

/** The signature (128 hex) over `signingMessage(command)`, for `Commune.executeSigned`. */
export function signWith(key: SigningKey, command: Command | string): Promise<string>;

/** The proof (128 hex) that `member` holds `key`, for `register_key` and `rotate_key`. */
export function signKeyProofWith(key: SigningKey, member: string): Promise<string>;
