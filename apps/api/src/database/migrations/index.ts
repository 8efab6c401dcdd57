import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { CouncilFigures1763800000001 } from './1763800000001-council-figures';
import { PlatformCredentials1763800000003 } from './1763800000003-platform-credentials';
import { ErasureSuppression1763800000004 } from './1763800000004-erasure-suppression';
import { BulkFollowerIngestion1763800000005 } from './1763800000005-bulk-follower-ingestion';
import { SweepKnownFollowers1763800000006 } from './1763800000006-sweep-known-followers';
import { MentionsCoverage1763800000007 } from './1763800000007-mentions-coverage';
import { InteractionsPerAccount1763800000008 } from './1763800000008-interactions-per-account';
import { RepliesRead1763800000009 } from './1763800000009-replies-read';
import { RepostsWithoutOriginal1763800000010 } from './1763800000010-reposts-without-original';
import { MastodonPeopleByAddress1763800000011 } from './1763800000011-mastodon-people-by-address';
import { ReplyAuthorsAndErasureIndexes1763800000012 } from './1763800000012-reply-authors-and-erasure-indexes';
import { FurtherRepliesUnread1763800000013 } from './1763800000013-further-replies-unread';
import { HiddenLikeCounts1763800000014 } from './1763800000014-hidden-like-counts';
import { MentionsRateLimited1763800000015 } from './1763800000015-mentions-rate-limited';
import { ThreadRepliesOriginal1763800000016 } from './1763800000016-thread-replies-original';
import { OnsCodesOfAllNations1763800000017 } from './1763800000017-ons-codes-of-all-nations';
import { BlueskyLinksByDid1763800000018 } from './1763800000018-bluesky-links-by-did';
import { CouncillorFollows1763800000019 } from './1763800000019-councillor-follows';
import { AttributionOnTheEdge1763800000020 } from './1763800000020-attribution-on-the-edge';

/** Every migration, in order. A schema change is a new file here, never `synchronize`. */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  CouncilFigures1763800000001,
  PlatformCredentials1763800000003,
  ErasureSuppression1763800000004,
  BulkFollowerIngestion1763800000005,
  SweepKnownFollowers1763800000006,
  MentionsCoverage1763800000007,
  InteractionsPerAccount1763800000008,
  RepliesRead1763800000009,
  RepostsWithoutOriginal1763800000010,
  MastodonPeopleByAddress1763800000011,
  ReplyAuthorsAndErasureIndexes1763800000012,
  FurtherRepliesUnread1763800000013,
  HiddenLikeCounts1763800000014,
  MentionsRateLimited1763800000015,
  ThreadRepliesOriginal1763800000016,
  OnsCodesOfAllNations1763800000017,
  BlueskyLinksByDid1763800000018,
  CouncillorFollows1763800000019,
  AttributionOnTheEdge1763800000020,
];
