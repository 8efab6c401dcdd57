import { useQuery } from '@tanstack/react-query';
import type { WardDetail } from '@wardreach/contracts';
import { retryUnlessRefused } from './api-error';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/wards/:code`; an unknown or malformed ward code (404, 400) is not worth retrying. */
export function useWard(code: string) {
  return useQuery({
    queryKey: queryKeys.ward(code),
    queryFn: ({ signal }) => fetchJson<WardDetail>(`/api/wards/${encodeURIComponent(code)}`, signal),
    retry: retryUnlessRefused,
  });
}
