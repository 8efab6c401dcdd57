import fc from 'fast-check';
import { followerKeysOf } from './pseudonymise';
import { compressBlock, newSchedule } from './sha256-block';
import { createHmac } from 'node:crypto';
import { BLOCKS_AT, GROUP_BYTES, HmacLanes, lanesModule, sharedLanes } from './sha256-lanes';

/** The key `HmacLanes` should give for one block: compressBlock from `inner`, then the outer block. */
function keyOneAtATime(inner: Int32Array, outer: Int32Array, block: readonly number[]): [number, number] {
  const state = Int32Array.from(inner);
  const w = newSchedule();
  w.set(block);
  compressBlock(state, w);
  w.set(state);
  w[8] = 0x80000000 | 0;
  w.fill(0, 9, 15);
  w[15] = (64 + 32) * 8;
  const second = Int32Array.from(outer);
  compressBlock(second, w);
  return [second[0], second[1]];
}

const word = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

describe('sha256-lanes', () => {
  it('builds a module this Node validates (WebAssembly SIMD)', () => {
    expect(lanesModule()).not.toBeNull();
  });

  it('compresses each lane exactly as compressBlock does one block at a time, for any state and block', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 8, maxLength: 8 }),
        fc.array(word, { minLength: 8, maxLength: 8 }),
        fc.array(fc.array(word, { minLength: 16, maxLength: 16 }), { minLength: 1, maxLength: 9 }),
        (innerWords, outerWords, blocks) => {
          const inner = Int32Array.from(innerWords);
          const outer = Int32Array.from(outerWords);
          const lanes = new HmacLanes(lanesModule()!);
          const groups = Math.ceil(blocks.length / 4);
          const keysAt = BLOCKS_AT + groups * GROUP_BYTES;
          const words = lanes.room(keysAt);
          blocks.forEach((block, i) => {
            block.forEach((value, w) => {
              words[BLOCKS_AT / 4 + (i >> 2) * (GROUP_BYTES / 4) + w * 4 + (i & 3)] = value;
            });
          });
          const keys = lanes.keys(inner, outer, groups, keysAt).subarray(0, blocks.length * 2);
          const expected = blocks.flatMap((block) => keyOneAtATime(inner, outer, block));
          expect(Array.from(keys)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('grows its memory for pages of any size', () => {
    const inner = Int32Array.from({ length: 8 }, (_, k) => k * 0x01010101);
    const outer = Int32Array.from({ length: 8 }, (_, k) => ~k);
    const lanes = new HmacLanes(lanesModule()!);
    const groups = 100_000;
    const keysAt = BLOCKS_AT + groups * GROUP_BYTES;
    const words = lanes.room(keysAt);
    expect(words.byteLength).toBeGreaterThanOrEqual(keysAt);
    const block = Array.from({ length: 16 }, (_, w) => w * 7919);
    const last = groups * 4 - 1;
    block.forEach((value, w) => {
      words[BLOCKS_AT / 4 + (last >> 2) * (GROUP_BYTES / 4) + w * 4 + (last & 3)] = value;
    });
    const keys = lanes.keys(inner, outer, groups, keysAt);
    expect(keys).toHaveLength(groups * 8);
    expect([keys[last * 2], keys[last * 2 + 1]]).toEqual(keyOneAtATime(inner, outer, block));
  });

  it('is what followerKeysOf hashes one-block ids with, one memory for every secret', () => {
    const secrets = ['a secret only this test uses, of at least thirty-two characters', 'and another one'];
    // Each secret's first page checks the lanes first.
    for (const secret of secrets) followerKeysOf(secret, 'bluesky', ['did:plc:warm']);
    const keys = jest.spyOn(HmacLanes.prototype, 'keys');
    try {
      for (const secret of secrets) followerKeysOf(secret, 'bluesky', ['1', '2', '3', '4', '5']);
      expect(keys.mock.calls.map((call) => call[2])).toEqual([2, 2]);
      expect(new Set(keys.mock.contexts)).toEqual(new Set([sharedLanes()]));
    } finally {
      keys.mockRestore();
    }
  });

  it('is left aside for a secret whose first page it gets wrong, and the keys are still right', () => {
    const secret = 'a secret whose lanes this test breaks, of at least thirty-two characters';
    const ids = ['did:plc:one', 'did:plc:two', 'did:plc:three'];
    const keys = jest
      .spyOn(HmacLanes.prototype, 'keys')
      .mockImplementation((_inner, _outer, groups) => new Int32Array(groups * 8).fill(7));
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const got = followerKeysOf(secret, 'bluesky', ids);
      const expected = ids.flatMap((id) => {
        const digest = createHmac('sha256', secret).update(`bluesky\u0000${id}`).digest();
        return [digest.readInt32BE(0), digest.readInt32BE(4)];
      });
      expect(Array.from(got)).toEqual(expected);
      // Checked once, then never asked again for this secret.
      followerKeysOf(secret, 'bluesky', ids);
      expect(keys).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(
        'follower keys disagree four at a time: hashed one at a time for this secret',
        { code: 'WARDREACH_HMAC_LANES' },
      );
    } finally {
      keys.mockRestore();
      warn.mockRestore();
    }
  });

  it.each([
    ['WebAssembly is missing (node --jitless)', () => Reflect.deleteProperty(globalThis, 'WebAssembly')],
    [
      'its memory cannot be reserved (an address-space limit)',
      () => {
        WebAssembly.Memory = class {
          constructor() {
            throw new RangeError('WebAssembly.Memory(): could not allocate memory');
          }
        } as unknown as typeof WebAssembly.Memory;
      },
    ],
  ])('leaves keys to one at a time, with a warning, where %s', (_, breakWebAssembly) => {
    const saved = globalThis.WebAssembly;
    const savedMemory = saved.Memory;
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      breakWebAssembly();
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('./pseudonymise') as typeof import('./pseudonymise');
        const secret = 'a deployment secret of at least thirty-two characters';
        const ids = ['did:plc:one', 'did:plc:two', 'x'.repeat(70)];
        const expected = ids.flatMap((id) => {
          const digest = createHmac('sha256', secret).update(`bluesky\u0000${id}`).digest();
          return [digest.readInt32BE(0), digest.readInt32BE(4)];
        });
        expect(Array.from(fresh.followerKeysOf(secret, 'bluesky', ids))).toEqual(expected);
        expect(fresh.pseudonymise(secret, 'bluesky', 'did:plc:one')).toBe(
          createHmac('sha256', secret).update('bluesky\u0000did:plc:one').digest('base64url'),
        );
      });
      expect(warn).toHaveBeenCalledWith('follower keys are hashed one at a time, without WebAssembly', {
        code: 'WARDREACH_HMAC_LANES',
      });
    } finally {
      globalThis.WebAssembly = saved;
      saved.Memory = savedMemory;
      warn.mockRestore();
    }
  });
});
