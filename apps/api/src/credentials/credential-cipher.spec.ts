import { CredentialCipher, CredentialDecryptionError } from './credential-cipher';

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher('a deployment secret of at least thirty-two characters');

  it('round-trips a value, and never stores it in the clear', () => {
    const stored = cipher.encrypt('AAAA-bearer-token-1234', 'x/bearer_token');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('bearer-token');
    expect(cipher.decrypt(stored, 'x/bearer_token')).toBe('AAAA-bearer-token-1234');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same', 'x/bearer_token')).not.toBe(cipher.encrypt('same', 'x/bearer_token'));
  });

  it('refuses a value moved to another slot, altered, or read with another secret', () => {
    const stored = cipher.encrypt('token', 'x/bearer_token');
    expect(() => cipher.decrypt(stored, 'youtube/api_key')).toThrow(CredentialDecryptionError);
    const parts = stored.split(':');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      cipher.decrypt([...parts.slice(0, 3), flipped.toString('base64url')].join(':'), 'x/bearer_token'),
    ).toThrow(/altered/);
    expect(() =>
      new CredentialCipher('another secret of at least thirty-two characters!').decrypt(
        stored,
        'x/bearer_token',
      ),
    ).toThrow(CredentialDecryptionError);
    expect(() => cipher.decrypt('plain text', 'x/bearer_token')).toThrow(/format/);
  });

  it('refuses a truncated authentication tag, even one that is a prefix of the true tag', () => {
    const stored = cipher.encrypt('token', 'x/bearer_token');
    const [version, iv, tag, ciphertext] = stored.split(':');
    const full = Buffer.from(tag, 'base64url');
    expect(full).toHaveLength(16);
    for (const length of [4, 8, 12, 15]) {
      const truncated = full.subarray(0, length).toString('base64url');
      expect(() => cipher.decrypt([version, iv, truncated, ciphertext].join(':'), 'x/bearer_token')).toThrow(
        CredentialDecryptionError,
      );
    }
  });
});
