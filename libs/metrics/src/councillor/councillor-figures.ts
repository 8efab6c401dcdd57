import type { PlatformName } from '@wardreach/contracts';
import { activePlatforms } from './active-platforms';
import { channelPairing, type ChannelPairing } from './channel-pairing';
import type { CouncillorAccountFigures } from './councillor-facts';
import { localReach, totalReach } from './reach';

/** A councillor's figures, combined over their accounts. */
export interface CouncillorFigures {
  accounts: number;
  activePlatforms: PlatformName[];
  pairing: ChannelPairing;
  totalReach: number;
  localReach: number;
  posts30d: number;
  /** Σ replies30d ÷ Σ posts30d; null with no posts. */
  replyShare: number | null;
  /** Σ ward ÷ Σ (ward + council + elsewhere) over all accounts; null when no place is known. */
  localShare: number | null;
  /** Σ (responsiveness × judged) ÷ Σ judged, i.e. answered within 48 h ÷ judged over all accounts; null when none judged. */
  responsiveness: number | null;
}

/**
 * Combines a councillor's accounts. Shares are pooled (sums of numerators over sums of
 * denominators), never averaged account by account, so a quiet second account does not weigh as
 * much as the main one.
 */
export function councillorFigures(accounts: readonly CouncillorAccountFigures[]): CouncillorFigures {
  let posts30d = 0;
  let replies30d = 0;
  let ward = 0;
  let known = 0;
  let judged = 0;
  let answered = 0;
  for (const account of accounts) {
    posts30d += account.posts30d;
    replies30d += account.replies30d;
    ward += account.followersWard;
    known += account.followersWard + account.followersCouncil + account.followersElsewhere;
    if (account.responsiveness !== null && account.interactionsJudged > 0) {
      judged += account.interactionsJudged;
      answered += account.responsiveness * account.interactionsJudged;
    }
  }
  const active = activePlatforms(accounts);
  return {
    accounts: accounts.length,
    activePlatforms: active,
    pairing: channelPairing(active),
    totalReach: totalReach(accounts),
    localReach: localReach(accounts),
    posts30d,
    replyShare: posts30d > 0 ? replies30d / posts30d : null,
    localShare: known > 0 ? ward / known : null,
    responsiveness: judged > 0 ? answered / judged : null,
  };
}
