import { credentialFormatProblem } from './credential-format';

/** Shaped like an X bearer token (made up). */
const TOKEN =
  'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F';

describe('credentialFormatProblem', () => {
  it('accepts tokens and keys of printable ASCII', () => {
    expect(credentialFormatProblem('x', 'bearer_token', TOKEN)).toBeNull();
    expect(credentialFormatProblem('facebook', 'access_token', 'EAAGm0PX4ZCpsBA~x_y.z')).toBeNull();
    expect(
      credentialFormatProblem('youtube', 'api_key', 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'),
    ).toBeNull();
  });

  it.each([
    ['a line break (pasted wrapped from an email)', `${TOKEN.slice(0, 40)}\n${TOKEN.slice(40)}`],
    ['a carriage return and line feed (a two-line file)', `${TOKEN}\r\nsecond-line`],
    ['a space', `${TOKEN.slice(0, 40)} ${TOKEN.slice(40)}`],
    ['a tab', `${TOKEN}\tx`],
    ['a control character', `${TOKEN}\u0000`],
    ['a non-ASCII character', `${TOKEN}é`],
    ['a zero-width space', `${TOKEN}\u200b`],
  ])('refuses a token with %s, without quoting it', (_what, value) => {
    for (const [platform, name] of [
      ['x', 'bearer_token'],
      ['facebook', 'access_token'],
      ['youtube', 'api_key'],
    ] as const) {
      const problem = credentialFormatProblem(platform, name, value);
      expect(problem).toMatch(/printable ASCII with no spaces, tabs or line breaks/);
      expect(problem).not.toContain(TOKEN.slice(0, 12));
    }
  });

  it('refuses an empty value and an overlong one', () => {
    expect(credentialFormatProblem('x', 'bearer_token', '')).toBe('the credential value is empty');
    expect(credentialFormatProblem('x', 'bearer_token', 'A'.repeat(4097))).toMatch(/longer than 4096/);
  });

  it('takes a Bluesky service account by handle, DID or e-mail address', () => {
    for (const identifier of [
      'wardreach-monitor.bsky.social',
      'council.example.gov.uk',
      'did:plc:w4xbqz7nvhkcm2ta5ldr3e6p',
      'did:web:pds.example.org',
      'digital@kirklees.gov.uk',
    ]) {
      expect(credentialFormatProblem('bluesky', 'service_handle', identifier)).toBeNull();
    }
    for (const identifier of [
      '@wardreach-monitor.bsky.social',
      'wardreach monitor',
      'monitor.bsky.social\nx',
    ]) {
      expect(credentialFormatProblem('bluesky', 'service_handle', identifier)).toMatch(
        /handle \(name\.bsky\.social, without the leading @\), its DID/,
      );
    }
  });

  it('takes an app password (xxxx-xxxx-xxxx-xxxx, or another PDS’s form) without whitespace', () => {
    expect(credentialFormatProblem('bluesky', 'service_app_password', 'abcd-efgh-ijkl-mnop')).toBeNull();
    expect(credentialFormatProblem('bluesky', 'service_app_password', 'sandbox')).toBeNull();
    const problem = credentialFormatProblem('bluesky', 'service_app_password', 'abcd-efgh\n-ijkl-mnop');
    expect(problem).toMatch(/app password \(xxxx-xxxx-xxxx-xxxx\) must be printable ASCII/);
    expect(problem).not.toContain('abcd');
  });
});
