import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { pseudonymise } from './pseudonymise';

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
