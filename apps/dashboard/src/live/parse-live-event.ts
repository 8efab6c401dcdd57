import type { LiveEvent, LiveEventType } from '@wardreach/contracts';

export const LIVE_EVENT_TYPES: readonly LiveEventType[] = ['collection.finished', 'figures.updated'];

/**
 * Reads one Server-Sent Event's data. A malformed message is dropped (null) rather than thrown:
 * one bad message must not stop the live updates.
 */
export function parseLiveEvent(data: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.at !== 'string') return null;
  if (v.type === 'collection.finished') {
    if (typeof v.councillorId !== 'string' || typeof v.accountId !== 'string') return null;
    if (v.status !== 'succeeded' && v.status !== 'failed') return null;
    return { type: v.type, accountId: v.accountId, councillorId: v.councillorId, status: v.status, at: v.at };
  }
  if (v.type === 'figures.updated') {
    if (
      !Array.isArray(v.councillorIds) ||
      !v.councillorIds.every((id): id is string => typeof id === 'string')
    )
      return null;
    return { type: v.type, councillorIds: v.councillorIds, at: v.at };
  }
  return null;
}
