import type { CouncillorAccountFigures } from '../councillor-facts';

/** An account with nothing in it unless the test says otherwise. */
export function accountFigures(overrides: Partial<CouncillorAccountFigures>): CouncillorAccountFigures {
  return {
    platform: 'bluesky',
    followers: 0,
    followersWard: 0,
    followersCouncil: 0,
    followersElsewhere: 0,
    followersUnknown: 0,
    posts30d: 0,
    replies30d: 0,
    interactionsJudged: 0,
    responsiveness: null,
    ...overrides,
  };
}
