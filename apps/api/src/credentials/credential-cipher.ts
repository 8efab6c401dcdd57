import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
/** Every value is sealed with a full 16-byte GCM tag, and only a full one is accepted. */
const TAG_BYTES = 16;

export class CredentialDecryptionError extends Error {}

/**
 * AES-256-GCM for platform credentials at rest. The key is derived from the deployment secret
 * (HKDF-SHA256), so the database alone never reveals a token; each value has its own random IV and
 * an authentication tag, so a tampered value fails to decrypt instead of yielding garbage.
 * Stored form: `v1:<base64url iv>:<base64url tag>:<base64url ciphertext>`.
 */
export class CredentialCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'wardreach', 'platform credentials v1', 32));
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    // The context (platform and name) is authenticated: a value copied to another slot will not decrypt.
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  decrypt(stored: string, context: string): string {
    const [version, iv, tag, ciphertext] = stored.split(':');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new CredentialDecryptionError(`stored credential for ${context} is not in the ${VERSION} format`);
    }
    try {
      // The tag's length is fixed: GCM would otherwise check a truncated tag (down to 4 bytes), which
      // a forger can hit by trying far fewer values than a full one needs.
      const authTag = Buffer.from(tag, 'base64url');
      if (authTag.length !== TAG_BYTES) throw new Error('truncated authentication tag');
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(authTag);
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new CredentialDecryptionError(
        `stored credential for ${context} cannot be decrypted: WARDREACH_SECRET_KEY changed or the value was altered`,
      );
    }
  }
}
