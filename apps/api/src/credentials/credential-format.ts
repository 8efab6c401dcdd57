import { isBlueskyDid, isDnsName } from '@wardreach/collectors';
import type { Platform } from '@wardreach/collectors';
import type { CREDENTIAL_NAMES } from './credential-names';

/**
 * What each credential must look like before it is stored or read from the environment. A value goes
 * into an HTTP header or a login body as it is: a line break or a space inside it (a token pasted
 * wrapped from an email, a file of two lines) makes every request fail, so it is refused where it
 * enters, saying what is wrong and never what the value was.
 */

/** Printable ASCII, no space: what bearer tokens, access tokens and API keys are made of. */
const TOKEN = /^[\x21-\x7E]+$/;
/** An e-mail address, which a PDS also accepts as the login identifier. */
const EMAIL = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;

const MAX_LENGTH = 4096;

const TOKEN_RULE =
  'printable ASCII with no spaces, tabs or line breaks inside it (was it pasted wrapped, or read from a file of more than one line?)';

interface CredentialFormat {
  test(value: string): boolean;
  /** Said of the value, never quoting it. */
  rule: string;
}

const token = (what: string): CredentialFormat => ({
  test: (value) => TOKEN.test(value),
  rule: `${what} must be ${TOKEN_RULE}`,
});

/** One format for every credential name (the compiler holds this to CREDENTIAL_NAMES). */
const FORMATS: {
  [P in Platform]: Record<(typeof CREDENTIAL_NAMES)[P][number], CredentialFormat>;
} = {
  bluesky: {
    service_handle: {
      test: (value) => isDnsName(value) || isBlueskyDid(value) || EMAIL.test(value),
      rule: 'the Bluesky service account must be given by its handle (name.bsky.social, without the leading @), its DID (did:plc:…) or its login e-mail address, with no spaces or line breaks',
    },
    // App passwords are xxxx-xxxx-xxxx-xxxx; another PDS (or the sandbox) may issue other forms,
    // but none has whitespace or control characters.
    service_app_password: token('a Bluesky app password (xxxx-xxxx-xxxx-xxxx)'),
  },
  mastodon: {},
  rss: {},
  x: { bearer_token: token('an X API bearer token') },
  facebook: { access_token: token('a Facebook Page access token') },
  youtube: { api_key: token('a YouTube Data API key') },
};

/**
 * Why `value` (already trimmed of surrounding whitespace) cannot be this credential, or null when it
 * can. The answer never contains the value.
 */
export function credentialFormatProblem(platform: Platform, name: string, value: string): string | null {
  if (value === '') return 'the credential value is empty';
  if (value.length > MAX_LENGTH) return `the credential value is longer than ${MAX_LENGTH} characters`;
  const format = (FORMATS[platform] as Record<string, CredentialFormat | undefined>)[name];
  if (!format) return null;
  return format.test(value) ? null : format.rule;
}
