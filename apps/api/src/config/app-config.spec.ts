import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const config = loadAppConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.BLUESKY_APPVIEW_URL).toBe('https://public.api.bsky.app');
  });

  it('treats empty variables as unset', () => {
    expect(loadAppConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(8080);
  });

  it('lists every bad variable in one error', () => {
    expect(() =>
      loadAppConfig({ PORT: 'eighty', WARDREACH_SECRET_KEY: 'short', COUNCIL_CODE: 'Kirklees' }),
    ).toThrow(ConfigError);
    try {
      loadAppConfig({ PORT: 'eighty', WARDREACH_SECRET_KEY: 'short', COUNCIL_CODE: 'Kirklees' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/WARDREACH_SECRET_KEY must be at least 32 characters/);
      expect((error as Error).message).toMatch(/COUNCIL_CODE/);
    }
  });

  it('reads boolean flags', () => {
    expect(loadAppConfig({ WARDREACH_DEMO: 'false' }).WARDREACH_DEMO).toBe(false);
    expect(loadAppConfig({ WARDREACH_DEMO: 'yes' }).WARDREACH_DEMO).toBe(true);
  });

  it('refuses a credential with whitespace or a control character inside it, never quoting it', () => {
    const wrapped = 'AAAAAAAAAAAAAAAAAAAAAMLheAAAA\nAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2X';
    for (const variable of ['X_BEARER_TOKEN', 'FACEBOOK_ACCESS_TOKEN', 'YOUTUBE_API_KEY']) {
      let message = '';
      try {
        loadAppConfig({ [variable]: wrapped });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toMatch(
        new RegExp(`${variable}: .* must be printable ASCII with no spaces, tabs or line breaks`),
      );
      expect(message).not.toContain('AAAAAAAAAAAA');
      expect(message).not.toContain('EUifiRBkKG5E2X');
    }
    expect(() => loadAppConfig({ X_BEARER_TOKEN: 'one two' })).toThrow(/X_BEARER_TOKEN/);
    expect(() => loadAppConfig({ BLUESKY_SERVICE_HANDLE: '@monitor.bsky.social' })).toThrow(
      /BLUESKY_SERVICE_HANDLE: .*without the leading @/,
    );
    expect(() => loadAppConfig({ BLUESKY_SERVICE_APP_PASSWORD: 'abcd-efgh\r\n' + 'ijkl-mnop' })).toThrow(
      /BLUESKY_SERVICE_APP_PASSWORD: .*app password/,
    );
  });

  it('takes well-formed credentials, trimmed of surrounding whitespace (an env file’s trailing CR)', () => {
    const config = loadAppConfig({
      X_BEARER_TOKEN: 'AAAA%2Btoken%3D\r',
      FACEBOOK_ACCESS_TOKEN: 'EAAG.token',
      YOUTUBE_API_KEY: 'AIzaSy-key_1',
      BLUESKY_SERVICE_HANDLE: 'did:plc:w4xbqz7nvhkcm2ta5ldr3e6p',
      BLUESKY_SERVICE_APP_PASSWORD: 'abcd-efgh-ijkl-mnop',
    });
    expect(config.X_BEARER_TOKEN).toBe('AAAA%2Btoken%3D');
    expect(config.BLUESKY_SERVICE_APP_PASSWORD).toBe('abcd-efgh-ijkl-mnop');
    expect(loadAppConfig({ BLUESKY_SERVICE_APP_PASSWORD: 'sandbox' }).BLUESKY_SERVICE_APP_PASSWORD).toBe(
      'sandbox',
    );
  });
  it('refuses follower sweeps as often as the collections they ride on, or more often', () => {
    expect(() => loadAppConfig({ COLLECT_DORMANT_INTERVAL_MS: String(8 * 24 * 3600_000) })).toThrow(
      /FOLLOWER_SWEEP_DORMANT_INTERVAL_MS: must be longer than COLLECT_DORMANT_INTERVAL_MS/,
    );
    expect(() => loadAppConfig({ FOLLOWER_SWEEP_INTERVAL_MS: '900000' })).toThrow(
      /FOLLOWER_SWEEP_INTERVAL_MS: must be longer than COLLECT_ACTIVE_INTERVAL_MS/,
    );
    const config = loadAppConfig({});
    expect(config.FOLLOWER_SWEEP_DORMANT_INTERVAL_MS).toBe(7 * 24 * 3600_000);
  });
});
