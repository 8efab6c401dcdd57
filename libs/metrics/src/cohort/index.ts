export * from './cohort-facts';
export * from './figure-on-day';
export * from './group-aggregate';
export * from './cohort-panel';
export * from './cohort-outcomes';
export * from './cohort-weekly-series';
