import type { RegisterCivicAccountRequest } from '@wardreach/contracts';
import { isCouncilCode, isWardCode } from '@wardreach/metrics';
import { z } from 'zod';
import { parseOrBadRequest } from './view-queries';

const PLATFORMS = ['bluesky', 'mastodon', 'rss', 'x', 'facebook', 'youtube'] as const;
/** A line break, tab or other control character: nothing a name, handle or id holds (PostgreSQL refuses NUL). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), 'must not contain a line break or control character');

const schema = z
  .object({
    council: z.string().refine(isCouncilCode, 'must be an ONS council code such as E08000034').optional(),
    ward: z
      .string()
      .refine(isWardCode, 'must be an ONS ward code such as E05011000, or null for the whole council')
      .nullable(),
    name: text(200),
    platform: z.enum(PLATFORMS, { message: `must be one of ${PLATFORMS.join(', ')}` }),
    handle: text(300),
    externalId: text(300).optional(),
  })
  .strict();

/** Validates the body of `POST /api/civic-accounts`; a 400 names each bad field. */
export function parseRegisterCivicAccount(body: unknown): RegisterCivicAccountRequest {
  return parseOrBadRequest(schema, body);
}
