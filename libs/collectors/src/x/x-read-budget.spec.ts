import { InMemoryXReadBudget, estimateXSweepCost, monthUtc, startOfNextMonthUtc } from './x-read-budget';

describe('estimateXSweepCost', () => {
  it('bills posts and users at their own prices', () => {
    const estimate = estimateXSweepCost(
      [
        { followersToSweep: 2000, newPosts: 10, postsToRefresh: 40, newMentions: 5 },
        { followersToSweep: 0, newPosts: 2, postsToRefresh: 10, newMentions: 0 },
      ],
      { post: 0.005, user: 0.01 },
    );
    // posts: 55 + 12 = 67 → $0.335; users: 2001 + 1 = 2002 → $20.02
    expect(estimate.postReads).toBe(67);
    expect(estimate.userReads).toBe(2002);
    expect(estimate.costUsd).toBeCloseTo(20.355, 6);
  });
});

describe('InMemoryXReadBudget', () => {
  it('refuses a request that could overspend and renews at the next month', () => {
    let now = new Date('2026-03-31T23:00:00Z');
    const budget = new InMemoryXReadBudget(1, { post: 0.01, user: 0.1 }, () => now);
    const first = budget.reserve({ kind: 'post', maxReads: 100 });
    expect(first).toEqual({ kind: 'post', reserved: 100, month: '2026-03' });
    budget.settle({ reservation: first!, reads: 60 });
    expect(budget.spent).toBeCloseTo(0.6, 9);
    // Requests in flight hold their most: the second cannot pass while the first holds 40.
    const second = budget.reserve({ kind: 'post', maxReads: 40 });
    expect(second).not.toBeNull();
    expect(budget.reserve({ kind: 'post', maxReads: 1 })).toBeNull();
    budget.settle({ reservation: second!, reads: 0 });
    expect(budget.reserve({ kind: 'post', maxReads: 41 })).toBeNull();
    expect(budget.renewsAt().toISOString()).toBe('2026-04-01T00:00:00.000Z');
    now = new Date('2026-04-01T00:00:01Z');
    expect(budget.reserve({ kind: 'post', maxReads: 100 })).not.toBeNull();
    expect(startOfNextMonthUtc(new Date('2026-12-15T00:00:00Z')).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('settles a request reserved before the month ended in that month, leaving the new month’s spend alone', () => {
    let now = new Date('2026-03-31T23:59:59Z');
    const budget = new InMemoryXReadBudget(1, { post: 0.01, user: 0.1 }, () => now);
    const lateMarch = budget.reserve({ kind: 'user', maxReads: 10 }); // $1 held in March
    now = new Date('2026-04-01T00:00:01Z');
    const april = budget.reserve({ kind: 'user', maxReads: 10 }); // April's whole $1
    expect(april).not.toBeNull();
    // The March request read nothing: its $1 is March's to give back, not April's.
    budget.settle({ reservation: lateMarch!, reads: 0 });
    expect(budget.spent).toBeCloseTo(1, 9);
    expect(budget.reserve({ kind: 'post', maxReads: 1 })).toBeNull();
    budget.settle({ reservation: april!, reads: 4 });
    expect(budget.spent).toBeCloseTo(0.4, 9);
    expect(monthUtc(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12');
  });
});
