import { useQuery } from '@tanstack/react-query';
import type { WardListResponse } from '@wardreach/contracts';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/wards`: every ward with its reach and penetration. */
export function useWards() {
  return useQuery({
    queryKey: queryKeys.wards,
    queryFn: ({ signal }) => fetchJson<WardListResponse>('/api/wards', signal),
  });
}
