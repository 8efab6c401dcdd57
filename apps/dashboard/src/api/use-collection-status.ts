import { useQuery } from '@tanstack/react-query';
import type { CollectionStatusResponse } from '@wardreach/contracts';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/admin/collection`: every account's last run and next slot, the queues and X spending. */
export function useCollectionStatus() {
  return useQuery({
    queryKey: queryKeys.collectionStatus,
    queryFn: ({ signal }) => fetchJson<CollectionStatusResponse>('/api/admin/collection', signal),
  });
}
