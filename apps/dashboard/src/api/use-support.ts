import { useQuery } from '@tanstack/react-query';
import type { SupportResponse } from '@wardreach/contracts';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/support`: every councillor with flags; the page filters them in the browser. */
export function useSupport() {
  return useQuery({
    queryKey: queryKeys.support,
    queryFn: ({ signal }) => fetchJson<SupportResponse>('/api/support', signal),
  });
}
