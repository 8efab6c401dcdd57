import { createContext, useContext } from 'react';
import type { LiveStatus } from './use-live-events';

/** The layout owns the one live connection; every page's freshness line reads its status here. */
export const LiveStatusContext = createContext<LiveStatus>('connecting');

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}
