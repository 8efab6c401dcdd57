import type { PlatformName } from '@wardreach/contracts';
import type { AccountSnapshot } from '../account/account-snapshot';
import type { CouncillorAccountFigures } from './councillor-facts';

/** The figures a councillor's totals need, read from one account's latest daily snapshot. */
export function accountFiguresFromSnapshot(
  platform: PlatformName,
  snapshot: AccountSnapshot,
): CouncillorAccountFigures {
  return {
    platform,
    followers: snapshot.followers,
    followersWard: snapshot.followersWard,
    followersCouncil: snapshot.followersCouncil,
    followersElsewhere: snapshot.followersElsewhere,
    followersUnknown: snapshot.followersUnknown,
    posts30d: snapshot.posts30d,
    replies30d: snapshot.replies30d,
    interactionsJudged: snapshot.interactionsJudged,
    responsiveness: snapshot.responsiveness,
  };
}
