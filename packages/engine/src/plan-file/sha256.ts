import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * SHA-256 of a string's UTF-8 bytes, as lowercase hex: the digests a plan file records. Pure
 * JavaScript so the engine needs no Node built-in (node:crypto gives the same bytes; a test holds
 * them equal).
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
