import { z } from 'zod';

export const supportThresholdsSchema = z.object({
  /** Fewer active platforms than this raises "single platform or none" (2: detail + listening). */
  minActivePlatforms: z.number().int().min(1).default(2),
  /** Fewer posts than this in 30 days, over all platforms, raises "inactive". */
  minPosts30d: z.number().int().min(1).default(1),
  /** A reply share below this raises "broadcasting only"… */
  minReplyShare: z.number().min(0).max(1).default(0.1),
  /** …once there are at least this many posts in 30 days to judge by. */
  minPostsToJudgeReplies: z.number().int().min(1).default(10),
  /** This many mentions or replies unanswered after 48 hours raises "unanswered mentions". */
  overdueInteractionsToFlag: z.number().int().min(1).default(3),
  /** A fall in followers of at least this fraction over 30 days raises "falling reach" (0.05 = 5 %). */
  fallingReachShare: z.number().positive().max(1).default(0.05),
  /** A local share below this raises "low local share"… */
  minLocalShare: z.number().min(0).max(1).default(0.1),
  /** …once at least this many followers have a known place. */
  minKnownFollowersToJudgeLocal: z.number().int().min(1).default(20),
  /** An account not collected successfully for this many hours raises "collection failing". */
  collectionStaleHours: z.number().positive().default(48),
});

/** A council's thresholds for support flags; stored per council, edited by its admins. */
export type SupportThresholds = z.infer<typeof supportThresholdsSchema>;

/** The defaults, documented field by field in `supportThresholdsSchema`. */
export const DEFAULT_SUPPORT_THRESHOLDS: SupportThresholds = supportThresholdsSchema.parse({});

/** Validates stored settings, filling missing fields from the defaults; throws a ZodError on bad values. */
export function parseSupportThresholds(input: unknown): SupportThresholds {
  return supportThresholdsSchema.parse(input ?? {});
}
