import { useQuery } from '@tanstack/react-query';
import type { CouncillorListResponse } from '@wardreach/contracts';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/councillors`: every councillor; the table sorts and filters them in the browser. */
export function useCouncillors() {
  return useQuery({
    queryKey: queryKeys.councillors,
    queryFn: ({ signal }) => fetchJson<CouncillorListResponse>('/api/councillors', signal),
  });
}
