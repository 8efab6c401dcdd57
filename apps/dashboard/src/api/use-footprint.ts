import { useQuery } from '@tanstack/react-query';
import type { CouncillorFootprint } from '@wardreach/contracts';
import { retryUnlessRefused } from './api-error';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/councillors/:id/footprint`; an unknown or malformed id (404, 400) is not worth retrying. */
export function useFootprint(councillorId: string) {
  return useQuery({
    queryKey: queryKeys.footprint(councillorId),
    queryFn: ({ signal }) =>
      fetchJson<CouncillorFootprint>(
        `/api/councillors/${encodeURIComponent(councillorId)}/footprint`,
        signal,
      ),
    retry: retryUnlessRefused,
  });
}
