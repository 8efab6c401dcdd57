import fc from 'fast-check';
import { overdueInteractions, responsiveness } from './responsiveness';

describe('responsiveness', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const at = (createdAt: string, answeredAt: string | null) => ({
    createdAt: new Date(createdAt),
    answeredAt: answeredAt === null ? null : new Date(answeredAt),
  });
  const interactions = [
    at('2026-11-10T12:00:00Z', '2026-11-10T14:00:00Z'), // 2 h: within
    at('2026-11-12T12:00:00Z', '2026-11-14T12:00:00Z'), // exactly 48 h: within
    at('2026-11-13T12:00:00Z', '2026-11-15T12:00:01Z'), // 48 h and a second: late
    at('2026-11-15T12:00:00Z', null), // unanswered, overdue
    at('2026-11-21T12:00:00Z', '2026-11-21T18:00:00Z'), // 6 h, but only a day old: not judged yet
    at('2026-11-22T06:00:00Z', null), // 6 h old, unanswered: not judged, not overdue
    at('2026-09-01T12:00:00Z', null), // outside 30 days
  ];

  it('shares answered-within-48h among interactions at least 48 h old', () => {
    // judged: 10, 12, 13, 15 Nov = 4; within 48 h: 10 and 12 Nov = 2 → 0.5
    expect(responsiveness(interactions, now)).toMatchObject({ judged: 4, answeredWithin48h: 2, share: 0.5 });
  });

  it('takes the median hours to answer over every answered interaction', () => {
    // delays 2 h, 48 h, 48 h + 1 s, 6 h → sorted 2, 6, 48, 48.000278 → median (6 + 48) / 2 = 27
    expect(responsiveness(interactions, now).medianHoursToAnswer).toBeCloseTo(27, 9);
  });

  it('ignores answers stamped after now', () => {
    const future = [at('2026-11-18T12:00:00Z', '2026-11-23T12:00:00Z')];
    expect(responsiveness(future, now)).toMatchObject({
      judged: 1,
      answeredWithin48h: 0,
      medianHoursToAnswer: null,
    });
    expect(overdueInteractions(future, now)).toBe(1);
  });

  it('is null with nothing to judge', () => {
    expect(responsiveness([], now)).toEqual({
      judged: 0,
      answeredWithin48h: 0,
      share: null,
      medianHoursToAnswer: null,
    });
  });

  it('counts unanswered interactions at least 48 h old as overdue', () => {
    // 15 Nov only: 22 Nov 06:00 is too young, 1 Sep is outside the window.
    expect(overdueInteractions(interactions, now)).toBe(1);
    // Exactly 48 h old and unanswered is overdue; a millisecond younger is not.
    expect(overdueInteractions([at('2026-11-20T12:00:00Z', null)], now)).toBe(1);
    expect(overdueInteractions([at('2026-11-20T12:00:00.001Z', null)], now)).toBe(0);
  });

  it('keeps the share in [0, 1] and never counts more overdue than judged', () => {
    const hour = 3_600_000;
    const interaction = fc
      .tuple(fc.integer({ min: 0, max: 40 * 24 }), fc.option(fc.integer({ min: 0, max: 200 })))
      .map(([ageHours, delayHours]) => {
        const createdAt = new Date(now.getTime() - ageHours * hour);
        return {
          createdAt,
          answeredAt: delayHours === null ? null : new Date(createdAt.getTime() + delayHours * hour),
        };
      });
    fc.assert(
      fc.property(fc.array(interaction, { maxLength: 30 }), (list) => {
        const result = responsiveness(list, now);
        if (result.share !== null) expect(result.share >= 0 && result.share <= 1).toBe(true);
        expect(result.answeredWithin48h).toBeLessThanOrEqual(result.judged);
        expect(overdueInteractions(list, now)).toBeLessThanOrEqual(result.judged - result.answeredWithin48h);
      }),
    );
  });
});
