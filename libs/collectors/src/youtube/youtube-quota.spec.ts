import { nextPacificMidnight } from './pacific-midnight';
import { InMemoryYouTubeQuota, youTubeKeyId } from './youtube-quota';

describe('nextPacificMidnight', () => {
  it('is 08:00 UTC in winter (PST) and 07:00 UTC in summer (PDT)', () => {
    expect(nextPacificMidnight(new Date('2026-01-15T20:00:00Z')).toISOString()).toBe(
      '2026-01-16T08:00:00.000Z',
    );
    expect(nextPacificMidnight(new Date('2026-07-15T06:59:00Z')).toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
    expect(nextPacificMidnight(new Date('2026-07-15T07:00:00Z')).toISOString()).toBe(
      '2026-07-16T07:00:00.000Z',
    );
  });

  it('uses the offset in force at the midnight across a daylight-saving change', () => {
    // Sunday 8 March 2026 02:00 PST → PDT; the evening of the 8th is already PDT.
    expect(nextPacificMidnight(new Date('2026-03-08T05:00:00Z')).toISOString()).toBe(
      '2026-03-08T08:00:00.000Z',
    );
    expect(nextPacificMidnight(new Date('2026-03-08T20:00:00Z')).toISOString()).toBe(
      '2026-03-09T07:00:00.000Z',
    );
  });
});

describe('InMemoryYouTubeQuota', () => {
  it('tracks units per key and renews at midnight Pacific', () => {
    let now = new Date('2026-01-15T20:00:00Z');
    const quota = new InMemoryYouTubeQuota(3, () => now);
    const a = youTubeKeyId('key-a');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect([
      quota.reserve({ keyId: a, units: 2 }),
      quota.reserve({ keyId: a, units: 2 }),
      quota.reserve({ keyId: a, units: 1 }),
    ]).toEqual([true, false, true]);
    expect(quota.reserve({ keyId: youTubeKeyId('key-b'), units: 3 })).toBe(true);
    quota.exhaust({ keyId: a });
    now = new Date('2026-01-16T07:59:59Z');
    expect(quota.reserve({ keyId: a, units: 1 })).toBe(false);
    now = new Date('2026-01-16T08:00:00Z');
    expect(quota.reserve({ keyId: a, units: 1 })).toBe(true);
    expect(quota.used(a)).toBe(1);
  });
});
