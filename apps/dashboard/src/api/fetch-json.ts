import { ApiError, apiErrorMessage } from './api-error';

/** GET a same-origin API path and parse its JSON; non-2xx answers become an `ApiError`. */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'Could not reach the wardreach server. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, apiErrorMessage(response.status, body));
  return body as T;
}
