import type { QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '@wardreach/contracts';
import { queryKeys } from '../api/query-keys';

/** The cached queries a live event makes stale. */
export function queryKeysForEvent(event: LiveEvent): QueryKey[] {
  switch (event.type) {
    case 'collection.finished':
      return [queryKeys.footprint(event.councillorId), queryKeys.councillors, queryKeys.overview];
    case 'figures.updated':
      return [
        ...event.councillorIds.map((id) => queryKeys.footprint(id)),
        queryKeys.councillors,
        queryKeys.overview,
      ];
  }
}
