import { SHA256_K } from './sha256-block';

/**
 * HMAC-SHA256 of one-block messages four at a time, in WebAssembly's 128-bit SIMD: each of SHA-256's
 * 32-bit operations is done for four messages at once, one per lane of a vector. A follower sweep
 * hashes every follower it lists (`followerKeysOf`), a million for a large account, and the two blocks
 * of each HMAC were most of what a re-sweep costs in CPU; four lanes compress them in about a third of
 * the time `compressBlock` takes one at a time (measured side by side in the ingestion bench).
 *
 * The module is written here, instruction by instruction, rather than compiled from another language:
 * SHA-256 is 64 rounds of the same seven operations, and the bytes below are all there is to check.
 * It is validated when loaded; `PreparedHmac` checks it against its own one-at-a-time HMAC (itself
 * checked against Node's) for each secret, and hashes one at a time should they disagree.
 *
 * Memory (imported, grown by the caller): the key pads' midstates from byte 0 (inner then outer,
 * each word repeated in the four lanes of a vector: 256 bytes), then the messages' blocks, four
 * messages to a group: word w of message i is the i32 at `BLOCKS_AT / 4 + (i >> 2) * 64 + w * 4 +
 * (i & 3)`. The module's function `keys(groups, out)` writes the first two words of each digest from
 * byte `out` on, as pairs in message order: high, low, high, low… The words are read and written
 * through an `Int32Array` over the memory, so the host must be little-endian as WebAssembly is (every
 * platform Node runs a server on; on another, the check above would fail and keys be hashed one at a
 * time).
 */

/** Where the messages' blocks begin, in bytes. */
export const BLOCKS_AT = 256;
/** Bytes of blocks per group of four messages. */
export const GROUP_BYTES = 256;
/** Bytes of keys per group of four messages. */
export const GROUP_KEY_BYTES = 32;

/** The compiled module, once; null where WebAssembly SIMD is not available. */
let compiled: WebAssembly.Module | null | undefined;

export function lanesModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    // Node run with --jitless, or without WebAssembly exposed, has none.
    const bytes = typeof WebAssembly === 'object' ? moduleBytes() : null;
    compiled = bytes && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

/** This thread's lanes, once: one memory for every secret. */
let threadLanes: HmacLanes | null | undefined;

/**
 * This thread's lanes, made when first needed; null, with a warning, where WebAssembly cannot run
 * them (not available, or no address space for its memory: V8 reserves gigabytes of it for each).
 * Warnings go through `process.emitWarning` (standard error, code `WARDREACH_HMAC_LANES`): this runs in
 * the follower-key thread, which loads nothing else.
 */
export function sharedLanes(): HmacLanes | null {
  if (threadLanes === undefined) {
    try {
      const module = lanesModule();
      threadLanes = module ? new HmacLanes(module) : null;
    } catch (error) {
      threadLanes = null;
      warn(`WebAssembly could not start: ${(error as Error).message}`);
    }
    if (threadLanes === null) warn('follower keys are hashed one at a time, without WebAssembly');
  }
  return threadLanes;
}

// Opcodes (WebAssembly core 2.0 with fixed-width SIMD).
const BLOCK = 0x02;
const LOOP = 0x03;
const BR = 0x0c;
const BR_IF = 0x0d;
const END = 0x0b;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_CONST = 0x41;
const I32_EQZ = 0x45;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const SIMD = 0xfd;
const V128_LOAD = 0x00;
const V128_STORE = 0x0b;
const V128_CONST = 0x0c;
const I8X16_SHUFFLE = 0x0d;
const V128_OR = 0x50;
const V128_XOR = 0x51;
const V128_BITSELECT = 0x52;
const I32X4_SHL = 0xab;
const I32X4_SHR_U = 0xad;
const I32X4_ADD = 0xae;
const I32 = 0x7f;
const V128 = 0x7b;

// Locals: the parameters (groups left, where the keys go), the block pointer, then the vectors: the
// working variables a…h, the message schedule's sixteen words, and one temporary.
const GROUPS = 0;
const OUT = 1;
const IN = 2;
const VARS = 3;
const W = VARS + 8;
const T = W + 16;

/** One function body, as bytes. */
class Body {
  readonly bytes: number[] = [];

  op(...codes: number[]): this {
    this.bytes.push(...codes);
    return this;
  }

  simd(code: number): this {
    return this.op(SIMD, ...unsigned(code));
  }

  get(local: number): this {
    return this.op(LOCAL_GET, ...unsigned(local));
  }

  set(local: number): this {
    return this.op(LOCAL_SET, ...unsigned(local));
  }

  i32(value: number): this {
    return this.op(I32_CONST, ...signed(value));
  }

  /** A vector of `value` in every lane. */
  splat(value: number): this {
    this.simd(V128_CONST);
    for (let lane = 0; lane < 4; lane += 1) {
      for (let byte = 0; byte < 4; byte += 1) this.bytes.push((value >>> (byte * 8)) & 0xff);
    }
    return this;
  }

  /** A 16-byte-aligned vector load or store at the address on the stack plus `offset`. */
  memory(code: number, offset: number): this {
    return this.simd(code).op(4, ...unsigned(offset));
  }

  add(): this {
    return this.simd(I32X4_ADD);
  }

  xor(): this {
    return this.simd(V128_XOR);
  }

  /** `local` rotated right by `bits`, in every lane. */
  rotr(local: number, bits: number): this {
    this.get(local).i32(bits).simd(I32X4_SHR_U);
    this.get(local)
      .i32(32 - bits)
      .simd(I32X4_SHL);
    return this.simd(V128_OR);
  }

  /** Σ or σ of FIPS 180-4: three rotations, or two and a shift (`shift` > 0), XORed. */
  sigma(local: number, [r1, r2, r3]: readonly number[], shift = 0): this {
    this.rotr(local, r1).rotr(local, r2).xor();
    if (shift > 0) this.get(local).i32(shift).simd(I32X4_SHR_U);
    else this.rotr(local, r3);
    return this.xor();
  }
}

/** The local that holds working variable `k` (0 for a … 7 for h) in round `t`: no variable moves. */
function variable(k: number, t: number): number {
  return VARS + ((((k - t) % 8) + 8) % 8);
}

/**
 * The 64 rounds of one block, whose 16 words are in the W locals, on the state in a…h (which are then
 * the state before the feed-forward).
 */
function rounds(body: Body): void {
  for (let t = 0; t < 64; t += 1) {
    const [a, b, c, d, e, f, g, h] = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => variable(k, t));
    const word = W + (t % 16);
    if (t >= 16) {
      // w[t] = σ1(w[t−2]) + w[t−7] + σ0(w[t−15]) + w[t−16], in the place of w[t−16].
      body.sigma(W + ((t - 2) % 16), [17, 19], 10);
      body.get(W + ((t - 7) % 16)).add();
      body.sigma(W + ((t - 15) % 16), [7, 18], 3).add();
      body.get(word).add().set(word);
    }
    // T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + w[t]; Ch picks f where e is set, g elsewhere.
    body.get(h).sigma(e, [6, 11, 25]).add();
    body.get(f).get(g).get(e).simd(V128_BITSELECT).add();
    body.splat(SHA256_K[t]).add().get(word).add().set(T);
    // d + T1 is the next round's e.
    body.get(d).get(T).add().set(d);
    // T1 + Σ0(a) + Maj(a, b, c) is the next round's a; Maj is b where a and c differ, a elsewhere.
    body.get(T).sigma(a, [2, 13, 22]).add();
    body.get(b).get(a).get(a).get(c).xor().simd(V128_BITSELECT).add().set(h);
  }
}

/** Adds the midstate vectors stored from byte `at` (the feed-forward) to a…h, or to the first `count`. */
function feedForward(body: Body, at: number, count = 8): void {
  for (let k = 0; k < count; k += 1) {
    body
      .get(VARS + k)
      .i32(0)
      .memory(V128_LOAD, at + k * 16)
      .add()
      .set(VARS + k);
  }
}

/** Loads the midstate vectors stored from byte `at` into a…h. */
function loadState(body: Body, at: number): void {
  for (let k = 0; k < 8; k += 1)
    body
      .i32(0)
      .memory(V128_LOAD, at + k * 16)
      .set(VARS + k);
}

function keysBody(): Body {
  const body = new Body();
  body.i32(BLOCKS_AT).set(IN);
  body.op(BLOCK, 0x40, LOOP, 0x40);
  body.get(GROUPS).op(I32_EQZ, BR_IF, 1);
  // The inner hash: the message's block from the inner pad's midstate.
  for (let i = 0; i < 16; i += 1)
    body
      .get(IN)
      .memory(V128_LOAD, i * 16)
      .set(W + i);
  loadState(body, 0);
  rounds(body);
  feedForward(body, 0);
  // The outer hash: the inner digest, 0x80, zeros, and the bit length of pad and digest (768).
  for (let k = 0; k < 8; k += 1) body.get(VARS + k).set(W + k);
  body.splat(0x80000000).set(W + 8);
  for (let i = 9; i < 15; i += 1) body.splat(0).set(W + i);
  body.splat((64 + 32) * 8).set(W + 15);
  loadState(body, 128);
  rounds(body);
  // Only the first two words are kept: a + outer[0], b + outer[1], as (high, low) pairs per lane.
  feedForward(body, 128, 2);
  // Lanes 0 and 1, then 2 and 3, each lane's high word (from a) then its low word (from b).
  for (let half = 0; half < 2; half += 1) {
    const bytes = (first: number): number[] => [first, first + 1, first + 2, first + 3];
    body
      .get(OUT)
      .get(VARS)
      .get(VARS + 1)
      .simd(I8X16_SHUFFLE);
    for (const lane of [half * 2, half * 2 + 1]) body.op(...bytes(lane * 4), ...bytes(16 + lane * 4));
    body.memory(V128_STORE, half * 16);
  }
  body.get(IN).i32(GROUP_BYTES).op(I32_ADD).set(IN);
  body.get(OUT).i32(GROUP_KEY_BYTES).op(I32_ADD).set(OUT);
  body.get(GROUPS).i32(1).op(I32_SUB).set(GROUPS);
  body.op(BR, 0, END, END, END);
  return body;
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const body = keysBody().bytes;
  const locals = [2, ...unsigned(1), I32, ...unsigned(T + 1 - VARS), V128];
  const code = [...locals, ...body];
  const name = (text: string): number[] => [...unsigned(text.length), ...Buffer.from(text, 'ascii')];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    // Types: (i32 groups, i32 out) → ().
    ...section(1, [1, 0x60, 2, I32, I32, 0]),
    // Imports: env.memory, at least one page.
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('keys'), 0x00, 0]),
    ...section(10, [1, ...unsigned(code.length), ...code]),
  ]);
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsigned(content.length), ...content];
}

/** Unsigned LEB128. */
function unsigned(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
function signed(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

export function warn(message: string): void {
  process.emitWarning(message, { code: 'WARDREACH_HMAC_LANES' });
}

/** One instance of the module with its own memory. */
export class HmacLanes {
  private readonly memory = new WebAssembly.Memory({ initial: 1 });
  private readonly run: (groups: number, out: number) => void;
  private words: Int32Array;

  constructor(module: WebAssembly.Module) {
    const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
    this.run = instance.exports.keys as (groups: number, out: number) => void;
    this.words = new Int32Array(this.memory.buffer);
  }

  /** The memory's words, grown to hold at least `bytes` (a view made before may be stale). */
  room(bytes: number): Int32Array {
    const short = bytes - this.memory.buffer.byteLength;
    if (short > 0) {
      this.memory.grow(Math.ceil(short / 65_536));
      this.words = new Int32Array(this.memory.buffer);
    }
    return this.words;
  }

  /**
   * Hashes `groups` groups of blocks from `BLOCKS_AT` with the key pads whose SHA-256 states are
   * `inner` and `outer`, and writes their keys from byte `at`: the `groups * 8` words there, a view
   * of the memory until the next call.
   */
  keys(inner: Int32Array, outer: Int32Array, groups: number, at: number): Int32Array {
    const words = this.room(at + groups * GROUP_KEY_BYTES);
    for (let k = 0; k < 8; k += 1) {
      words.fill(inner[k], k * 4, k * 4 + 4);
      words.fill(outer[k], 32 + k * 4, 32 + k * 4 + 4);
    }
    this.run(groups, at);
    return words.subarray(at / 4, at / 4 + groups * (GROUP_KEY_BYTES / 4));
  }
}
