import { useQuery } from '@tanstack/react-query';
import type { CouncillorIndexResponse } from '@wardreach/contracts';
import { retryUnlessRefused } from './api-error';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/councillors/:id/index`; a 4xx (an unknown or malformed id, or no figures yet) is not worth retrying. */
export function useCouncillorIndex(councillorId: string) {
  return useQuery({
    queryKey: queryKeys.councillorIndex(councillorId),
    queryFn: ({ signal }) =>
      fetchJson<CouncillorIndexResponse>(
        `/api/councillors/${encodeURIComponent(councillorId)}/index`,
        signal,
      ),
    retry: retryUnlessRefused,
  });
}
