import type { ApiErrorBody } from '@wardreach/contracts';

/** A failed API call, carrying the message the API gave so the page can show it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The message of an `ApiErrorBody` (joined when the API sends a list), or a plain fallback. */
export function apiErrorMessage(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = (body as ApiErrorBody).message;
    if (typeof message === 'string' && message !== '') return message;
    if (Array.isArray(message) && message.length > 0) return message.join('; ');
  }
  return `The server answered ${status}.`;
}

/**
 * Whether a failed query is worth asking again: not when the API refused the request itself (a 4xx:
 * an unknown id, a malformed one), which answers the same every time; otherwise up to three tries.
 */
export function retryUnlessRefused(failures: number, error: Error): boolean {
  const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
  return !refused && failures < 3;
}
