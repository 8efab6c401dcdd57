import { median } from '../council/quantile';
import type { InteractionFact } from './account-facts';
import { HOUR_MS, isWithinLastDays } from './time-window';

/** An answer within this long counts as prompt. Exactly 48 hours still counts. */
export const ANSWER_WITHIN_HOURS = 48;

export interface Responsiveness {
  /** Interactions judged: received in the window and at least 48 hours old. */
  judged: number;
  /** Of those, answered within 48 hours. */
  answeredWithin48h: number;
  /** answeredWithin48h ÷ judged; null when nothing could be judged. */
  share: number | null;
  /** Median hours from an interaction to its answer, over those answered by `now`; null when none. */
  medianHoursToAnswer: number | null;
}

/**
 * Responsiveness over replies and mentions from others received in the last `days` days (default 30):
 * share = |answered within 48 h| ÷ |judged|, where judged = interactions whose 48 hours have run out
 * (createdAt ≤ now − 48 h), so a mention from this morning is not yet counted as a failure; an
 * answer at exactly 48 h counts as within. Median time to answer = median of (answeredAt − createdAt)
 * in hours over every interaction in the window answered by `now`, however late.
 */
export function responsiveness(
  interactions: readonly InteractionFact[],
  now: Date,
  days = 30,
): Responsiveness {
  const limit = ANSWER_WITHIN_HOURS * HOUR_MS;
  let judged = 0;
  let answeredWithin48h = 0;
  const hoursToAnswer: number[] = [];
  for (const interaction of interactions) {
    if (!isWithinLastDays(interaction.createdAt, now, days)) continue;
    const created = interaction.createdAt.getTime();
    const answered =
      interaction.answeredAt !== null && interaction.answeredAt <= now ? interaction.answeredAt : null;
    const delay = answered === null ? null : Math.max(0, answered.getTime() - created);
    if (delay !== null) hoursToAnswer.push(delay / HOUR_MS);
    if (created <= now.getTime() - limit) {
      judged += 1;
      if (delay !== null && delay <= limit) answeredWithin48h += 1;
    }
  }
  return {
    judged,
    answeredWithin48h,
    share: judged > 0 ? answeredWithin48h / judged : null,
    medianHoursToAnswer: median(hoursToAnswer),
  };
}

/**
 * Overdue interactions = replies and mentions received in the last `days` days (default 30) that are
 * at least 48 hours old (createdAt ≤ now − 48 h) and still unanswered at `now`: the "mentions waiting for a reply" a councillor
 * has let slip.
 */
export function overdueInteractions(interactions: readonly InteractionFact[], now: Date, days = 30): number {
  const cutoff = now.getTime() - ANSWER_WITHIN_HOURS * HOUR_MS;
  return interactions.filter(
    (interaction) =>
      isWithinLastDays(interaction.createdAt, now, days) &&
      interaction.createdAt.getTime() <= cutoff &&
      (interaction.answeredAt === null || interaction.answeredAt > now),
  ).length;
}
