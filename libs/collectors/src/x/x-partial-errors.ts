import { AccountGoneError, UnauthorisedError } from '../errors';
import type { CollectorError } from '../errors';
import type { XPartialError } from './x-schemas';

/**
 * A 200 from X can carry `errors[]` instead of (or beside) `data`. An error about the user being read
 * decides the job: not found or suspended → gone; protected (authorisation) → unauthorised. Errors
 * about single tweets (deleted) are dropped item by item by the caller.
 */
export function userLevelError(
  errors: XPartialError[] | undefined,
  method: string,
): CollectorError | undefined {
  const error = errors?.find((item) => item.resource_type === 'user' || /user/i.test(item.detail ?? ''));
  if (!error) return undefined;
  const detail = error.detail ?? error.title;
  if (
    /suspend/i.test(detail) ||
    error.title === 'Not Found Error' ||
    /resource-not-found/.test(error.type ?? '')
  ) {
    return new AccountGoneError('x', method, detail);
  }
  if (
    error.title === 'Authorization Error' ||
    error.title === 'Forbidden' ||
    /not-authorized/.test(error.type ?? '')
  ) {
    return new UnauthorisedError('x', method, `${detail} (the account's posts are protected)`);
  }
  return undefined;
}
