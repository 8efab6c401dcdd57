import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { compressBlock, newSchedule, SHA256_IV } from './sha256-block';

/** SHA-256 of `message` from `compressBlock` alone: padded, compressed block by block. */
function sha256(message: Buffer): string {
  const end = Math.ceil((message.length + 9) / 64) * 64;
  const padded = Buffer.alloc(end);
  message.copy(padded);
  padded[message.length] = 0x80;
  padded.writeUInt32BE(Math.floor((message.length * 8) / 2 ** 32), end - 8);
  padded.writeUInt32BE((message.length * 8) >>> 0, end - 4);
  const state = Int32Array.from(SHA256_IV);
  const w = newSchedule();
  for (let offset = 0; offset < end; offset += 64) {
    for (let i = 0; i < 16; i += 1) w[i] = padded.readInt32BE(offset + i * 4);
    compressBlock(state, w);
  }
  const digest = Buffer.alloc(32);
  state.forEach((word, i) => digest.writeInt32BE(word, i * 4));
  return digest.toString('hex');
}

describe('compressBlock', () => {
  it('gives the FIPS 180-4 example digests of "abc" and the two-block message', () => {
    expect(sha256(Buffer.from('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256(Buffer.from('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes any message as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const message = Buffer.from(bytes);
        expect(sha256(message)).toBe(createHash('sha256').update(message).digest('hex'));
      }),
    );
  });
});
