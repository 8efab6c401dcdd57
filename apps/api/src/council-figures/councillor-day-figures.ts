import { COUNCILLOR_FIGURE_KEYS } from '@wardreach/contracts';
import type { CouncillorFigureValues } from '@wardreach/contracts';
import {
  accountFiguresFromSnapshot,
  councillorFigures,
  footprintIndex,
  supportFlags,
  type AccountSnapshot,
  type CouncillorFigures,
  type CouncillorSupportFacts,
} from '@wardreach/metrics';
import type { CouncilFigureSettings } from './council-settings';
import type { AccountFactsRow } from './council-facts.repository';
import type { CouncillorDayFigures } from './stored-figures';

type WithSnapshot = AccountFactsRow & { latest: AccountSnapshot };

const hasSnapshot = (account: AccountFactsRow): account is WithSnapshot => account.latest !== null;
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** A councillor's figures over the accounts that have a snapshot standing for the day (libs/metrics `councillorFigures`). */
export function combinedFigures(accounts: readonly AccountFactsRow[]): CouncillorFigures {
  return councillorFigures(
    accounts
      .filter(hasSnapshot)
      .map((account) => accountFiguresFromSnapshot(account.platform, account.latest)),
  );
}

/**
 * The facts `supportFlags` judges. Falling reach compares the same accounts at both ends (those with
 * a snapshot now and 30 days ago), so an account whose collection stopped, or one added since, does
 * not pass for a change in followers.
 */
export function supportFactsOf(
  accounts: readonly AccountFactsRow[],
  figures: CouncillorFigures,
): CouncillorSupportFacts {
  const current = accounts.filter(hasSnapshot);
  const matched = current.filter((account) => account.followersThen !== null);
  return {
    activePlatforms: figures.activePlatforms,
    posts30d: figures.posts30d,
    replies30d: sum(current.map((a) => a.latest.replies30d)),
    overdueInteractions: sum(current.map((a) => a.latest.overdueInteractions)),
    followers: matched.length > 0 ? sum(matched.map((a) => a.latest.followers)) : figures.totalReach,
    followers30dAgo: matched.length > 0 ? sum(matched.map((a) => a.followersThen ?? 0)) : null,
    followersWard: sum(current.map((a) => a.latest.followersWard)),
    followersKnown: sum(
      current.map((a) => a.latest.followersWard + a.latest.followersCouncil + a.latest.followersElsewhere),
    ),
    accounts: accounts.map((account) => ({
      platform: account.platform,
      handle: account.handle,
      status: account.status,
      statusReason: account.statusReason,
      lastSucceededAt: account.lastSucceededAt === null ? null : new Date(account.lastSucceededAt),
    })),
  };
}

/**
 * One councillor's stored day: combined figures, footprint index against the council's reach
 * reference, support flags with reasons, and the flat values cohorts and medians read. A councillor
 * with accounts none of which has a snapshot standing for the day (collection stopped) has unknown
 * values, not zeros, so a broken collector never shows up in a cohort or a median as a collapse;
 * only the count of flags is known. A councillor with no account at all is genuinely offline: zeros.
 */
export function councillorDayFigures(params: {
  accounts: readonly AccountFactsRow[];
  figures: CouncillorFigures;
  reachReference: number;
  settings: CouncilFigureSettings;
  now: Date;
}): CouncillorDayFigures {
  const { figures } = params;
  const footprint = footprintIndex(figures, params.reachReference, params.settings.footprintIndex);
  const flags = supportFlags(
    supportFactsOf(params.accounts, figures),
    params.now,
    params.settings.supportThresholds,
  );
  const known = params.accounts.length === 0 || params.accounts.some(hasSnapshot);
  if (!known) {
    const unknown = Object.fromEntries(
      COUNCILLOR_FIGURE_KEYS.map((key) => [key, null]),
    ) as CouncillorFigureValues;
    return { values: { ...unknown, supportFlags: flags.length }, figures, footprint, flags };
  }
  const values: CouncillorFigureValues = {
    footprintIndex: footprint.index,
    totalReach: figures.totalReach,
    localReach: figures.localReach,
    activePlatforms: figures.activePlatforms.length,
    paired: figures.pairing.paired ? 1 : 0,
    posts30d: figures.posts30d,
    replyShare: figures.replyShare,
    localShare: figures.localShare,
    responsiveness: figures.responsiveness,
    overdueInteractions: sum(params.accounts.filter(hasSnapshot).map((a) => a.latest.overdueInteractions)),
    supportFlags: flags.length,
  };
  return { values, figures, footprint, flags };
}
