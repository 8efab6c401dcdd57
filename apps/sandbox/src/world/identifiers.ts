import { createHash } from 'node:crypto';
import type { Prng } from './prng';

const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';
const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/** A did:plc identifier: "did:plc:" and 24 base32 characters, as the PLC directory issues. */
export function randomDidPlc(prng: Prng): string {
  let id = '';
  for (let i = 0; i < 24; i++) id += BASE32_LOWER[prng.int(0, 31)];
  return `did:plc:${id}`;
}

/**
 * An AT Protocol record key in TID form: 13 base32-sortable characters encoding
 * microseconds since the epoch (53 bits) and a 10-bit clock id, so keys sort by time.
 */
export function tidFor(timeMs: number, clockId: number): string {
  // The low 10 bits (two characters) are the clock id; the 11 characters above hold the
  // microseconds, which stay below 2^53 so plain number arithmetic is exact.
  let micros = Math.floor(timeMs) * 1000;
  let out = BASE32_SORTABLE[clockId & 31];
  out = BASE32_SORTABLE[(clockId >> 5) & 31] + out;
  for (let i = 0; i < 11; i++) {
    out = BASE32_SORTABLE[micros % 32] + out;
    micros = Math.floor(micros / 32);
  }
  return out;
}

/**
 * A CIDv1 (dag-cbor, sha2-256) in base32, as the AppView returns for records: "bafyrei…".
 * The digest is of the given content, so the same record always has the same CID.
 */
export function cidFor(content: string): string {
  const digest = createHash('sha256').update(content).digest();
  const bytes = Buffer.concat([Buffer.from([0x01, 0x71, 0x12, 0x20]), digest]);
  return `b${base32(bytes)}`;
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_LOWER[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_LOWER[(value << (5 - bits)) & 31];
  return out;
}

/** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z). */
const TWITTER_EPOCH_MS = 1288834974657;

/** An X (Twitter) snowflake id: milliseconds since its epoch shifted 22 bits, plus a sequence. */
export function xSnowflake(timeMs: number, sequence: number): string {
  return ((BigInt(Math.floor(timeMs) - TWITTER_EPOCH_MS) << 22n) | BigInt(sequence & 0x3fffff)).toString();
}

/** A Mastodon snowflake id: milliseconds since the epoch shifted 16 bits, plus a sequence. */
export function mastodonSnowflake(timeMs: number, sequence: number): string {
  return ((BigInt(Math.floor(timeMs)) << 16n) | BigInt(sequence & 0xffff)).toString();
}
