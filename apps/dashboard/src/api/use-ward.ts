import { useQuery } from '@tanstack/react-query';
import type { WardDetail } from '@wardreach/contracts';
import { ApiError } from './api-error';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/wards/:code`; an unknown ward code is a 404 that is not worth retrying. */
export function useWard(code: string) {
  return useQuery({
    queryKey: queryKeys.ward(code),
    queryFn: ({ signal }) => fetchJson<WardDetail>(`/api/wards/${encodeURIComponent(code)}`, signal),
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 3,
  });
}
