import fc from 'fast-check';
import { followerKeysOf } from './pseudonymise';
import { compressBlock, newSchedule } from './sha256-block';
import { BLOCKS_AT, GROUP_BYTES, GROUP_KEY_BYTES, HmacLanes, lanesModule } from './sha256-lanes';

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
          const lanes = new HmacLanes(lanesModule()!, inner, outer);
          const groups = Math.ceil(blocks.length / 4);
          const keysAt = BLOCKS_AT + groups * GROUP_BYTES;
          const words = lanes.room(keysAt + groups * GROUP_KEY_BYTES);
          blocks.forEach((block, i) => {
            block.forEach((value, w) => {
              words[BLOCKS_AT / 4 + (i >> 2) * (GROUP_BYTES / 4) + w * 4 + (i & 3)] = value;
            });
          });
          lanes.keys(groups, keysAt);
          const keys = lanes.room(0).subarray(keysAt / 4, keysAt / 4 + blocks.length * 2);
          const expected = blocks.flatMap((block) => keyOneAtATime(inner, outer, block));
          expect(Array.from(keys)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('grows its memory for pages of any size, keeping the key pads', () => {
    const inner = Int32Array.from({ length: 8 }, (_, k) => k * 0x01010101);
    const outer = Int32Array.from({ length: 8 }, (_, k) => ~k);
    const lanes = new HmacLanes(lanesModule()!, inner, outer);
    const groups = 1_000;
    const keysAt = BLOCKS_AT + groups * GROUP_BYTES;
    const words = lanes.room(keysAt + groups * GROUP_KEY_BYTES);
    expect(words.byteLength).toBeGreaterThanOrEqual(keysAt + groups * GROUP_KEY_BYTES);
    const block = Array.from({ length: 16 }, (_, w) => w * 7919);
    const last = groups * 4 - 1;
    block.forEach((value, w) => {
      words[BLOCKS_AT / 4 + (last >> 2) * (GROUP_BYTES / 4) + w * 4 + (last & 3)] = value;
    });
    lanes.keys(groups, keysAt);
    const keys = lanes.room(0);
    expect([keys[keysAt / 4 + last * 2], keys[keysAt / 4 + last * 2 + 1]]).toEqual(
      keyOneAtATime(inner, outer, block),
    );
  });

  it('is what followerKeysOf hashes one-block ids with', () => {
    const keys = jest.spyOn(HmacLanes.prototype, 'keys');
    try {
      followerKeysOf('a secret only this test uses, of at least thirty-two characters', 'bluesky', [
        'did:plc:one',
        'did:plc:two',
      ]);
      expect(keys).toHaveBeenCalledWith(1, expect.any(Number));
    } finally {
      keys.mockRestore();
    }
  });
});
