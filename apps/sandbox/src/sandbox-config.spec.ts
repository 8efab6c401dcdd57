import { readSandboxConfig } from './sandbox-config';

describe('readSandboxConfig', () => {
  it('defaults to port 8090 on the loopback address with no faults', () => {
    const config = readSandboxConfig({});
    expect(config.port).toBe(8090);
    expect(config.host).toBe('127.0.0.1');
    expect(config.options.faultRate).toBe(0);
    expect(config.options.tickMs).toBe(60_000);
    expect(config.options.rateLimit).toBeUndefined();
    expect(config.options.anchor).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = readSandboxConfig({
      SANDBOX_PORT: '9001',
      SANDBOX_SEED: '99',
      SANDBOX_FAULT_RATE: '0.2',
      SANDBOX_SLOW_MS: '50',
      SANDBOX_TICK_MS: '0',
      SANDBOX_RATE_LIMIT: '10',
      SANDBOX_RATE_WINDOW_MS: '1000',
      SANDBOX_NOW: '2026-11-01T12:00:00Z',
      SANDBOX_PUBLIC_URL: 'http://sandbox:9001',
      SANDBOX_RESIDENTS: '5000',
      SANDBOX_X_BEARER_TOKEN: 'token',
    });
    expect(config.port).toBe(9001);
    expect(config.options).toMatchObject({
      seed: 99,
      faultRate: 0.2,
      slowMs: 50,
      tickMs: 0,
      rateLimit: { limit: 10, windowMs: 1000 },
      publicBaseUrl: 'http://sandbox:9001',
      residents: 5000,
      xBearerToken: 'token',
    });
    expect(config.options.anchor?.toISOString()).toBe('2026-11-01T12:00:00.000Z');
    expect(Math.abs(config.options.now!().getTime() - Date.parse('2026-11-01T12:00:00Z'))).toBeLessThan(5000);
  });

  it('refuses values out of range', () => {
    expect(() => readSandboxConfig({ SANDBOX_FAULT_RATE: '1.5' })).toThrow(/SANDBOX_FAULT_RATE/);
    expect(() => readSandboxConfig({ SANDBOX_PORT: 'eighty' })).toThrow(/SANDBOX_PORT/);
    expect(() => readSandboxConfig({ SANDBOX_NOW: 'yesterday' })).toThrow(/SANDBOX_NOW/);
  });
});
