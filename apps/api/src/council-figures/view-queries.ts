import { BadRequestException } from '@nestjs/common';
import { SUPPORT_FLAG_KEYS } from '@wardreach/contracts';
import type { CohortAggregate, SupportFlagKey } from '@wardreach/contracts';
import { isCouncilCode, isWardCode } from '@wardreach/metrics';
import { z } from 'zod';

/**
 * Query and path parameters of the council-figures endpoints, validated once at the edge: anything
 * unexpected is a 400 that names the parameter and what is allowed.
 */

const councilCode = z
  .string()
  .refine(isCouncilCode, 'must be an ONS council code such as E08000034 (E06–E09, W06, S12 or N09)');
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** Parses with `schema` or throws a 400 listing each problem by parameter or field name. */
export function parseOrBadRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `unknown parameter ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
    const name = issue.path.map(String).join('.');
    return name === '' ? issue.message : `${name} ${issue.message}`;
  });
  throw new BadRequestException(messages);
}

export function parseWardCode(code: string): string {
  if (!isWardCode(code))
    throw new BadRequestException([`ward code must be an ONS ward code such as E05011000, not '${code}'`]);
  return code;
}

export interface SupportQuery {
  flag: SupportFlagKey | null;
  /** Only councillors of this ward. */
  ward: string | null;
  /** Only councillors of this party; `NO_PARTY` for those without a recorded party. */
  party: string | typeof NO_PARTY | null;
}

/** `SupportQuery.party` for councillors without a recorded party (`?noParty=true`). */
export const NO_PARTY = Symbol('no party');

export function parseSupportQuery(query: unknown): SupportQuery {
  const schema = z
    .object({
      flag: z
        .enum(SUPPORT_FLAG_KEYS, { message: `must be one of ${SUPPORT_FLAG_KEYS.join(', ')}` })
        .optional(),
      ward: z.string().refine(isWardCode, 'must be an ONS ward code such as E05011000').optional(),
      party: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters')
        .optional(),
      noParty: z
        .enum(['true'], { message: "must be 'true' (councillors without a recorded party)" })
        .optional(),
    })
    .strict()
    .refine((q) => !(q.party !== undefined && q.noParty !== undefined), {
      message: 'party and noParty cannot both be given',
    });
  const parsed = parseOrBadRequest(schema, query);
  return {
    flag: parsed.flag ?? null,
    ward: parsed.ward ?? null,
    party: parsed.noParty ? NO_PARTY : (parsed.party ?? null),
  };
}

export interface CouncilQuery {
  council: string | null;
}

export function parseCouncilQuery(query: unknown): CouncilQuery {
  const parsed = parseOrBadRequest(z.object({ council: councilCode.optional() }).strict(), query);
  return { council: parsed.council ?? null };
}

export const DEFAULT_OVERLAP_LIMIT = 20;
export const MAX_OVERLAP_LIMIT = 200;

export interface OverlapQuery extends CouncilQuery {
  limit: number;
}

export function parseOverlapQuery(query: unknown): OverlapQuery {
  const parsed = parseOrBadRequest(
    z
      .object({ council: councilCode.optional(), limit: wholeNumber(1, MAX_OVERLAP_LIMIT).optional() })
      .strict(),
    query,
  );
  return { council: parsed.council ?? null, limit: parsed.limit ?? DEFAULT_OVERLAP_LIMIT };
}

export const DEFAULT_WEEKS_BEFORE = 4;

export interface CohortOutcomesQuery {
  aggregate: CohortAggregate;
  weeksBefore: number;
}

export function parseCohortOutcomesQuery(query: unknown): CohortOutcomesQuery {
  const parsed = parseOrBadRequest(
    z
      .object({
        aggregate: z.enum(['median', 'mean'], { message: 'must be median or mean' }).optional(),
        weeksBefore: wholeNumber(0, 52).optional(),
      })
      .strict(),
    query,
  );
  return { aggregate: parsed.aggregate ?? 'median', weeksBefore: parsed.weeksBefore ?? DEFAULT_WEEKS_BEFORE };
}

/** An endpoint that takes no query parameters: one given is refused by name, as everywhere else. */
export function parseNoQuery(query: unknown): void {
  parseOrBadRequest(z.object({}).strict(), query);
}
