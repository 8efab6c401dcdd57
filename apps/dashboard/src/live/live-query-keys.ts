import type { QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '@wardreach/contracts';
import { queryKeys } from '../api/query-keys';

/** The cached queries a live event makes stale (a key also covers every key that starts with it). */
export function queryKeysForEvent(event: LiveEvent): QueryKey[] {
  switch (event.type) {
    case 'collection.finished':
      return [
        queryKeys.footprint(event.councillorId),
        queryKeys.councillors,
        queryKeys.overview,
        queryKeys.collectionStatus,
      ];
    case 'figures.updated':
      // A recompute changes every council-wide figure (medians, wards, cohorts), not only the listed councillors'.
      return [
        ...event.councillorIds.flatMap((id) => [queryKeys.footprint(id), queryKeys.councillorIndex(id)]),
        queryKeys.councillors,
        queryKeys.overview,
        queryKeys.support,
        queryKeys.wards,
        queryKeys.cohorts,
      ];
  }
}
