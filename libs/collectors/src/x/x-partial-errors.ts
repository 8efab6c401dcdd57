import { AccountGoneError, UnauthorisedError } from '../errors';
import type { CollectorError } from '../errors';
import type { XPartialError } from './x-schemas';

function aboutUser(error: XPartialError): boolean {
  return error.resource_type === 'user' || /user/i.test(error.detail ?? '');
}

/**
 * X refused a user's posts, mentions or followers to the app (`not-authorized-for-resource`,
 * "Authorization Error"): the account is protected, so they are not public. That is no fault of the
 * council's token (a bad one is a 401): the call yields nothing.
 */
export function protectedUserError(errors: XPartialError[] | undefined): XPartialError | undefined {
  return errors?.find(
    (error) =>
      aboutUser(error) && (error.title === 'Authorization Error' || /not-authorized/.test(error.type ?? '')),
  );
}

/**
 * A 200 from X can carry `errors[]` instead of (or beside) `data`. An error about the user being read
 * decides the job: not found or suspended → gone. A protected account (`protectedUserError`) is not
 * an error here; errors about single tweets (deleted) are dropped item by item by the caller.
 */
export function userLevelError(
  errors: XPartialError[] | undefined,
  method: string,
): CollectorError | undefined {
  const error = errors?.find(aboutUser);
  if (!error) return undefined;
  const detail = error.detail ?? error.title;
  if (
    /suspend/i.test(detail) ||
    error.title === 'Not Found Error' ||
    /resource-not-found/.test(error.type ?? '')
  ) {
    return new AccountGoneError('x', method, detail);
  }
  if (protectedUserError([error])) return undefined;
  if (error.title === 'Forbidden') return new UnauthorisedError('x', method, detail);
  return undefined;
}
