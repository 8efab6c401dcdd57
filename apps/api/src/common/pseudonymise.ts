import { createHmac } from 'node:crypto';

/**
 * A resident's platform id is stored only as a keyed HMAC, so the same follower is recognised across
 * runs and councillors without the database holding who they are.
 */
export function pseudonymise(secret: string, platform: string, externalId: string): string {
  return createHmac('sha256', secret).update(`${platform}\u0000${externalId}`).digest('base64url');
}
