import { ApiError } from '../api/api-error';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** An API failure, with the message the API gave and a way to try again. */
export function QueryError({ error, what, onRetry }: { error: Error; what: string; onRetry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="error-summary" role="alert">
      <h2 className="error-summary__title">
        {notFound ? `${capitalise(what)} not found` : `Could not load ${what}`}
      </h2>
      <p>{error.message}</p>
      {onRetry && !notFound ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
