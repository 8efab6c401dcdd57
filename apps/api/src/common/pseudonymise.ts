import { createHash, createHmac } from 'node:crypto';
import { compressBlock, newSchedule, SHA256_IV } from './sha256-block';
import { BLOCKS_AT, GROUP_BYTES, HmacLanes, sharedLanes, warn } from './sha256-lanes';

/** A pseudonym and the follower key derived from it. */
export interface Pseudonym {
  /** HMAC-SHA256 of "platform NUL id" under the deployment secret, base64url (43 characters). */
  pseudonym: string;
  /**
   * The first 64 bits of that HMAC, a signed big-endian integer, are the follower's row key, as two
   * signed 32-bit halves (`followerKey` spells it in decimal). It is a function of the pseudonym
   * alone (SQL `pseudonym_key(text)` computes the same), so a follower page can be written without
   * first asking the database which id each follower has.
   */
  keyHigh: number;
  keyLow: number;
}

/**
 * A resident's platform id is stored only as a keyed HMAC-SHA256 (base64url), so the same follower is
 * recognised across runs and councillors without the database holding who they are.
 */
export function pseudonymise(secret: string, platform: string, externalId: string): string {
  return hmacFor(secret).digest(platform, externalId).toString('base64url');
}

/** `pseudonymise` and its follower key from one HMAC (follower sweeps need both for every follower). */
export function pseudonymiseWithKey(secret: string, platform: string, externalId: string): Pseudonym {
  const digest = hmacFor(secret).digest(platform, externalId);
  return {
    pseudonym: digest.toString('base64url'),
    keyHigh: digest.readInt32BE(0),
    keyLow: digest.readInt32BE(4),
  };
}

/**
 * The follower key alone (`Pseudonym.keyHigh`/`keyLow`), from the same HMAC: what a follower sweep
 * stores of each follower, without spelling out their pseudonym.
 */
export function followerKeyOf(
  secret: string,
  platform: string,
  externalId: string,
): Pick<Pseudonym, 'keyHigh' | 'keyLow'> {
  const state = hmacFor(secret).hash(platform, externalId);
  return { keyHigh: state[0], keyLow: state[1] };
}

/**
 * The follower keys of many ids of one platform (`followerKeyOf` of each), as pairs of halves in one
 * array: high, low, high, low… What the follower-key thread computes for each page of a sweep.
 */
export function followerKeysOf(secret: string, platform: string, externalIds: readonly string[]): Int32Array {
  return hmacFor(secret).keysOf(platform, externalIds);
}

/** A follower key from its two halves, in decimal (as PostgreSQL reads a bigint). */
export function followerKey(keyHigh: number, keyLow: number): string {
  return ((BigInt(keyHigh) << 32n) | BigInt(keyLow >>> 0)).toString();
}

/** The follower key of a pseudonym: its first 64 bits as a signed big-endian integer, in decimal. */
export function pseudonymKey(pseudonym: string): string {
  return Buffer.from(pseudonym.slice(0, 12), 'base64url').readBigInt64BE(0).toString();
}

/**
 * HMAC-SHA256 under one secret, from the states SHA-256 reaches after the key's inner and outer pads
 * (hashed once per secret): each message then costs its own padded block(s) and one outer block,
 * compressed by `compressBlock` in reused arrays, with no hash object or buffer per message. An ASCII
 * message that fits one block (every platform's ids) is read into the block's words directly; any
 * other is encoded as UTF-8 first. Measured on a million Bluesky ids: 0.9–1.2 s, against 1.8 s for
 * `@noble/hashes`' compression driven the same way and 3.2 s for Node's `createHmac` (a native call
 * and an object per message). Many ids at once (`keysOf`, a sweep's pages) go four at a time through
 * `sha256-lanes`' WebAssembly: 0.42 s a million. The output is the same HMAC: the constructor checks
 * one message against `createHmac`, the first page checks the lanes against one at a time (and hashes
 * one at a time should they disagree), and the specs check long secrets and ids, block boundaries and
 * pages.
 */
class PreparedHmac {
  private readonly inner: Int32Array;
  private readonly outer: Int32Array;
  private readonly schedule = newSchedule();
  private readonly state = new Int32Array(8);
  /** Message blocks of a message that is not one block of ASCII: UTF-8, padding, length. */
  private blocks = Buffer.alloc(128);
  private readonly out = Buffer.allocUnsafe(32);
  /** The block word `putBlock` is putting together. */
  private word = 0;
  /**
   * Four messages at a time in WebAssembly, unless it cannot run here or disagrees with one at a time
   * (null); undefined until the first page of keys.
   */
  private fourAtATime: HmacLanes | null | undefined;

  constructor(secret: string) {
    // A key longer than a block is hashed first (RFC 2104); the pads are the key XOR 0x36 and 0x5c.
    let key = Buffer.from(secret, 'utf8');
    if (key.length > 64) key = createHash('sha256').update(key).digest();
    const innerPad = Buffer.alloc(64, 0x36);
    const outerPad = Buffer.alloc(64, 0x5c);
    for (let i = 0; i < key.length; i += 1) {
      innerPad[i] ^= key[i];
      outerPad[i] ^= key[i];
    }
    this.inner = this.midstate(innerPad);
    this.outer = this.midstate(outerPad);
    const probe = 'wardreach\u0000pseudonymise self-check';
    const expected = createHmac('sha256', secret).update(probe).digest();
    if (!this.digest('wardreach', 'pseudonymise self-check').equals(expected)) {
      throw new Error('pseudonymise: the HMAC does not match createHmac');
    }
  }

  /**
   * The digest of "platform NUL id", in a buffer reused by the next call: callers read what they
   * need from it before hashing again.
   */
  digest(platform: string, externalId: string): Buffer {
    const state = this.hash(platform, externalId);
    const out = this.out;
    for (let i = 0; i < 8; i += 1) {
      const word = state[i];
      out[i * 4] = word >>> 24;
      out[i * 4 + 1] = word >>> 16;
      out[i * 4 + 2] = word >>> 8;
      out[i * 4 + 3] = word;
    }
    return out;
  }

  /**
   * The digest of "platform NUL id" as eight big-endian words, in an array reused by the next call (a
   * follower key is its first two).
   */
  hash(platform: string, externalId: string): Int32Array {
    const { schedule: w, state } = this;
    state.set(this.inner);
    if (!this.asciiBlock(platform, externalId)) this.compressUtf8(`${platform}\u0000${externalId}`);
    compressBlock(state, w);
    // The outer block: the inner digest, padding, and the length of pad + digest (768 bits).
    for (let i = 0; i < 8; i += 1) w[i] = state[i];
    w[8] = 0x80000000 | 0;
    w.fill(0, 9, 15);
    w[15] = (64 + 32) * 8;
    state.set(this.outer);
    compressBlock(state, w);
    return state;
  }

  /**
   * The follower keys (first two digest words) of "platform NUL id" for each id, as pairs in one
   * array. Ids that make one block of ASCII (every platform's) are hashed four at a time in
   * WebAssembly (`sha256-lanes`), the rest one at a time by `hash`.
   */
  keysOf(platform: string, externalIds: readonly string[]): Int32Array {
    const keys = new Int32Array(externalIds.length * 2);
    const lanes = this.lanes();
    if (!lanes) {
      for (let i = 0; i < externalIds.length; i += 1) this.keyInto(keys, i, platform, externalIds[i]);
      return keys;
    }
    const groups = Math.ceil(externalIds.length / 4);
    const keysAt = BLOCKS_AT + groups * GROUP_BYTES;
    const words = lanes.room(keysAt);
    const first = BLOCKS_AT / 4;
    words.fill(0, first, first + (groups * GROUP_BYTES) / 4);
    const others: number[] = [];
    for (let i = 0; i < externalIds.length; i += 1) {
      const base = first + (i >> 2) * (GROUP_BYTES / 4) + (i & 3);
      if (!this.putBlock(platform, externalIds[i], words, base, 4)) others.push(i);
    }
    keys.set(lanes.keys(this.inner, this.outer, groups, keysAt).subarray(0, keys.length));
    for (const i of others) this.keyInto(keys, i, platform, externalIds[i]);
    return keys;
  }

  /**
   * The lanes, for this secret: on first use, checked against one at a time on messages of every
   * length one block holds, in two groups.
   */
  private lanes(): HmacLanes | null {
    if (this.fourAtATime === undefined) {
      this.fourAtATime = null;
      const shared = sharedLanes();
      if (shared) {
        const probes = ['', 'a', 'self-check', 'did:plc:wardreach', 'x'.repeat(45), 'y'.repeat(60)];
        const oneAtATime = this.keysOf('wardreach', probes);
        this.fourAtATime = shared;
        const fourAtATime = this.keysOf('wardreach', probes);
        if (!fourAtATime.every((word, i) => word === oneAtATime[i])) {
          this.fourAtATime = null;
          warn('follower keys disagree four at a time: hashed one at a time for this secret');
        }
      }
    }
    return this.fourAtATime;
  }

  private keyInto(keys: Int32Array, i: number, platform: string, externalId: string): void {
    const state = this.hash(platform, externalId);
    keys[i * 2] = state[0];
    keys[i * 2 + 1] = state[1];
  }

  /**
   * Reads "platform NUL id" into the schedule as one padded block if it is ASCII and fits one (55
   * bytes, then 0x80 and the 64-bit bit length of pad block + message), without joining the two;
   * false, with the schedule unspecified, if not.
   */
  private asciiBlock(platform: string, externalId: string): boolean {
    this.schedule.fill(0, 0, 16);
    return this.putBlock(platform, externalId, this.schedule, 0, 1);
  }

  /**
   * Puts "platform NUL id" as one padded block into `target`'s zeroed words `base`, `base + stride`…
   * (`asciiBlock`; a lane of `keysOf`'s groups); false if it is not one block of ASCII. Each word is
   * put together before it is stored.
   */
  private putBlock(
    platform: string,
    externalId: string,
    target: Int32Array,
    base: number,
    stride: number,
  ): boolean {
    const length = platform.length + 1 + externalId.length;
    if (length > 55) return false;
    this.word = 0;
    let at = this.putAscii(platform, 0, target, base, stride);
    if (at >= 0) at = this.putAscii('\u0000', at, target, base, stride);
    if (at >= 0) at = this.putAscii(externalId, at, target, base, stride);
    if (at < 0) return false;
    target[base + (at >> 2) * stride] = this.word | (0x80 << (24 - ((at & 3) << 3)));
    target[base + 15 * stride] = (64 + length) * 8;
    return true;
  }

  /**
   * Puts `text`'s character codes into the block from byte `at` on, each word stored once whole (the
   * word under way kept in `word`); the byte after them, or -1 if a character is not ASCII.
   */
  private putAscii(text: string, from: number, target: Int32Array, base: number, stride: number): number {
    let word = this.word;
    let at = from;
    for (let i = 0; i < text.length; i += 1, at += 1) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) return -1;
      word |= code << (24 - ((at & 3) << 3));
      if ((at & 3) === 3) {
        target[base + (at >> 2) * stride] = word;
        word = 0;
      }
    }
    this.word = word;
    return at;
  }

  /**
   * Compresses all but the last block of `text` in UTF-8 with padding and length into the state, and
   * leaves the last in the schedule.
   */
  private compressUtf8(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit; 9 more bytes of padding and length.
    if (this.blocks.length < text.length * 3 + 72) {
      this.blocks = Buffer.alloc(Math.ceil((text.length * 3 + 72) / 64) * 64);
    }
    const blocks = this.blocks;
    const length = blocks.write(text, 0, 'utf8');
    const end = Math.ceil((length + 9) / 64) * 64;
    const bits = (64 + length) * 8;
    blocks[length] = 0x80;
    blocks.fill(0, length + 1, end - 8);
    blocks.writeUInt32BE(Math.floor(bits / 2 ** 32), end - 8);
    blocks.writeUInt32BE(bits >>> 0, end - 4);
    for (let offset = 0; offset < end; offset += 64) {
      for (let i = 0; i < 16; i += 1) this.schedule[i] = blocks.readInt32BE(offset + i * 4);
      if (offset + 64 < end) compressBlock(this.state, this.schedule);
    }
  }

  /** The state SHA-256 reaches after compressing one block (a key pad) from its initial value. */
  private midstate(block: Buffer): Int32Array {
    const state = Int32Array.from(SHA256_IV);
    for (let i = 0; i < 16; i += 1) this.schedule[i] = block.readInt32BE(i * 4);
    compressBlock(state, this.schedule);
    return state;
  }
}

// A deployment has one secret; tests use a few. Each keeps its prepared pads.
const prepared = new Map<string, PreparedHmac>();

function hmacFor(secret: string): PreparedHmac {
  let found = prepared.get(secret);
  if (!found) {
    if (prepared.size >= 16) prepared.clear();
    found = new PreparedHmac(secret);
    prepared.set(secret, found);
  }
  return found;
}
