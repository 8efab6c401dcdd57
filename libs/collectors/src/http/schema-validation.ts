import { z } from 'zod';
import { MalformedPayloadError } from '../errors';
import type { Platform } from '../platform';

/** Formats a zod issue path the way people read payloads: `feed[3].post.likeCount`. */
export function formatPayloadPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/** Validates a parsed payload, failing loudly with the platform, the method and the path that broke. */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: { platform: Platform; method: string },
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new MalformedPayloadError(
    where.platform,
    where.method,
    formatPayloadPath(issue?.path ?? []),
    issue?.message ?? 'invalid',
  );
}

/**
 * A time as platforms send it (ISO 8601, with `Z` or an offset such as Graph's `+0000`): a string that
 * must parse, so that a broken one fails as a malformed payload at its path rather than as a
 * `RangeError` when it is mapped.
 */
export const payloadTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: 'not a date and time',
});
