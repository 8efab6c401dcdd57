import { z } from 'zod';

const share = z.number().min(0).max(1);

export const footprintIndexSettingsSchema = z
  .object({
    weights: z.object({
      reach: share,
      activity: share,
      conversation: share,
      local: share,
      platformMix: share,
    }),
    /** Posts in 30 days that earn full marks for activity (30: about one a day). */
    activityTarget: z.number().positive(),
    /** Reply share that earns full marks for the reply half of conversation. */
    replyShareTarget: z.number().positive().max(1),
    /** Local share that earns full marks (a ward is a small place: half of known followers is excellent). */
    localShareTarget: z.number().positive().max(1),
  })
  .refine((settings) => Math.abs(Object.values(settings.weights).reduce((a, b) => a + b, 0) - 1) < 1e-9, {
    message: 'Footprint index weights must sum to 1',
    path: ['weights'],
  });

export type FootprintIndexSettings = z.infer<typeof footprintIndexSettingsSchema>;

/**
 * Default weights: reach 25 %, activity 20 %, conversation 20 %, local share 20 %, platform mix 15 %.
 * Reach leads because it is what the audit exists to grow, but no single component can carry a
 * councillor past 25 points: a big audience that hears nothing, or is not local, scores modestly.
 */
export const DEFAULT_FOOTPRINT_INDEX_SETTINGS: FootprintIndexSettings = {
  weights: { reach: 0.25, activity: 0.2, conversation: 0.2, local: 0.2, platformMix: 0.15 },
  activityTarget: 30,
  replyShareTarget: 0.3,
  localShareTarget: 0.5,
};

/** Validates a council's settings, filling anything missing from the defaults. */
export function parseFootprintIndexSettings(input: unknown): FootprintIndexSettings {
  const given = z
    .object({})
    .passthrough()
    .parse(input ?? {});
  const weights = z
    .object({})
    .passthrough()
    .parse(given['weights'] ?? {});
  return footprintIndexSettingsSchema.parse({
    ...DEFAULT_FOOTPRINT_INDEX_SETTINGS,
    ...given,
    weights: { ...DEFAULT_FOOTPRINT_INDEX_SETTINGS.weights, ...weights },
  });
}
