/** Every query key the dashboard uses, built in one place so live events can find them. */
export const queryKeys = {
  overview: ['overview'] as const,
  councillors: ['councillors'] as const,
  footprint: (councillorId: string) => ['footprint', councillorId] as const,
  councillorIndex: (councillorId: string) => ['councillor-index', councillorId] as const,
  support: ['support'] as const,
  /** The ward list; every ward's detail key starts with it, so one invalidation covers both. */
  wards: ['wards'] as const,
  ward: (code: string) => ['wards', code] as const,
  /** The cohort list; every cohort's outcomes key starts with it. */
  cohorts: ['cohorts'] as const,
  cohortOutcomes: (cohortId: string, aggregate: string) =>
    ['cohorts', cohortId, 'outcomes', aggregate] as const,
  /** The admin's view of collection: every account's last run and next slot. */
  collectionStatus: ['collection-status'] as const,
};
