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
});
