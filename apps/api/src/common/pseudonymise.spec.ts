import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  followerKey,
  followerKeyOf,
  followerKeysOf,
  pseudonymise,
  pseudonymiseWithKey,
  pseudonymKey,
} from './pseudonymise';

describe('pseudonymise', () => {
  it('is exactly HMAC-SHA256 of "platform NUL id" under the secret, for any secret and id', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.constantFrom('bluesky', 'mastodon', 'x'),
        fc.string(),
        (secret, platform, id) => {
          const expected = createHmac('sha256', secret).update(`${platform}\u0000${id}`).digest('base64url');
          expect(pseudonymise(secret, platform, id)).toBe(expected);
        },
      ),
    );
  });

  it('hashes ids of any length and script exactly as createHmac does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (id) => {
        const secret = 'a deployment secret of at least thirty-two characters';
        const expected = createHmac('sha256', secret).update(`x\u0000${id}`).digest('base64url');
        expect(pseudonymise(secret, 'x', id)).toBe(expected);
      }),
    );
  });

  it('matches createHmac for secrets longer than a block and ids spanning several blocks', () => {
    // Sized to the maximum: fast-check's default size keeps strings far shorter than their maxLength.
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 300, size: 'max' }),
        fc.string({ unit: 'binary', maxLength: 1000, size: 'max' }),
        (secret, id) => {
          const expected = createHmac('sha256', secret).update(`mastodon\u0000${id}`).digest('base64url');
          expect(pseudonymise(secret, 'mastodon', id)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pads messages that end at and around SHA-256 block boundaries as createHmac does', () => {
    // "x NUL id" of 54 to 57 bytes fills one block with or without room for the length; 118 to 121
    // two; multi-byte characters move the boundary by their UTF-8 length.
    const secret = 'a deployment secret of at least thirty-two characters';
    for (const length of [0, 1, 53, 54, 55, 56, 57, 62, 63, 64, 65, 117, 118, 119, 120, 121, 190]) {
      for (const id of ['a'.repeat(length), `é${'a'.repeat(Math.max(0, length - 2))}`]) {
        const expected = createHmac('sha256', secret).update(`x\u0000${id}`).digest('base64url');
        expect(pseudonymise(secret, 'x', id)).toBe(expected);
      }
    }
  });

  it('differs by platform and by secret', () => {
    const secret = 'a deployment secret of at least thirty-two characters';
    expect(pseudonymise(secret, 'bluesky', 'did:plc:abc')).not.toBe(
      pseudonymise(secret, 'mastodon', 'did:plc:abc'),
    );
    expect(pseudonymise(secret, 'bluesky', 'did:plc:abc')).not.toBe(
      pseudonymise(`${secret}!`, 'bluesky', 'did:plc:abc'),
    );
  });
});

describe('pseudonymiseWithKey, followerKey and pseudonymKey', () => {
  it('derive the same 64-bit key from the HMAC and from the pseudonym text, for any id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 32 }), fc.string(), (secret, id) => {
        const both = pseudonymiseWithKey(secret, 'bluesky', id);
        expect(both.pseudonym).toBe(pseudonymise(secret, 'bluesky', id));
        const key = followerKey(both.keyHigh, both.keyLow);
        expect(pseudonymKey(both.pseudonym)).toBe(key);
        const digest = createHmac('sha256', secret).update(`bluesky\u0000${id}`).digest();
        expect(BigInt(key)).toBe(digest.readBigInt64BE(0));
        expect([both.keyHigh, both.keyLow]).toEqual([digest.readInt32BE(0), digest.readInt32BE(4)]);
      }),
    );
  });

  it('covers negative keys (a first byte of 0x80 or more)', () => {
    // "____________" decodes to nine 0xff bytes: the key is -1.
    expect(pseudonymKey(`____________${'A'.repeat(31)}`)).toBe('-1');
    expect(pseudonymKey(`gAAAAAAAAAAA${'A'.repeat(31)}`)).toBe('-9223372036854775808');
    expect(followerKey(-1, -1)).toBe('-1');
    expect(followerKey(-(2 ** 31), 0)).toBe('-9223372036854775808');
    expect(followerKey(0, -1)).toBe('4294967295');
  });

  it('gives a follower key alone that is the key of the pseudonym', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.string(), (secret, id) => {
        const { keyHigh, keyLow } = followerKeyOf(secret, 'bluesky', id);
        expect(followerKey(keyHigh, keyLow)).toBe(pseudonymKey(pseudonymise(secret, 'bluesky', id)));
      }),
    );
  });
});

describe('followerKeysOf', () => {
  /** The first 64 bits of createHmac's digest, as followerKeysOf's pairs of halves. */
  function expectedKeys(secret: string, platform: string, ids: readonly string[]): number[] {
    return ids.flatMap((id) => {
      const digest = createHmac('sha256', secret).update(`${platform}\u0000${id}`).digest();
      return [digest.readInt32BE(0), digest.readInt32BE(4)];
    });
  }

  it('gives every id its key exactly as createHmac does, for any page of ids of any length and script', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }),
        fc.oneof(
          fc.constantFrom('bluesky', 'mastodon', 'x', 'youtube'),
          fc.string({ unit: 'binary-ascii', maxLength: 12 }),
        ),
        fc.array(
          fc.oneof(
            fc.string(),
            fc.string({ unit: 'grapheme', maxLength: 60 }),
            fc.string({ maxLength: 80, size: 'max' }),
            fc.string({ unit: 'binary-ascii', maxLength: 56, size: 'max' }),
          ),
          {
            maxLength: 23,
          },
        ),
        (secret, platform, ids) => {
          expect(Array.from(followerKeysOf(secret, platform, ids))).toEqual(
            expectedKeys(secret, platform, ids),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pads ids around the one-block limit as createHmac does, wherever they fall in a page', () => {
    // "bluesky NUL id" of 55 bytes is the longest one block holds.
    const secret = 'a deployment secret of at least thirty-two characters';
    const ids = [45, 46, 47, 48, 49, 0, 1, 120].map((length) => 'd'.repeat(length));
    for (let start = 0; start < ids.length; start += 1) {
      const page = [...ids.slice(start), ...ids.slice(0, start)];
      expect(Array.from(followerKeysOf(secret, 'bluesky', page))).toEqual(
        expectedKeys(secret, 'bluesky', page),
      );
    }
    expect(followerKeysOf(secret, 'bluesky', [])).toHaveLength(0);
  });

  it('gives the same keys as followerKeyOf, one id at a time, for a page of a thousand', () => {
    const secret = 'a deployment secret of at least thirty-two characters';
    const ids = Array.from({ length: 1_001 }, (_, i) => `did:plc:${i.toString(36).padStart(24, 'a')}`);
    const keys = followerKeysOf(secret, 'bluesky', ids);
    ids.forEach((id, i) => {
      const { keyHigh, keyLow } = followerKeyOf(secret, 'bluesky', id);
      expect([keys[i * 2], keys[i * 2 + 1]]).toEqual([keyHigh, keyLow]);
    });
  });
});
