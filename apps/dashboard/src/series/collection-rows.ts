import type { AccountCollectionStatus, CollectionRunView } from '@wardreach/contracts';
import { formatCount, formatDateTime } from './format';
import { accountStatusLabel, PLATFORM_LABEL } from './platform-label';

/** What each run status means to an admin. */
const RUN_LABEL: Record<CollectionRunView['status'], string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rate_limited: 'Held back by a rate limit',
  abandoned: 'Abandoned (the worker stopped)',
};

export interface CollectionRow {
  id: string;
  councillor: string;
  councillorId: string;
  platform: string;
  handle: string;
  status: AccountCollectionStatus['status'];
  statusLabel: string;
  statusReason: string | null;
  lastCollected: string;
  /** The newest run: its outcome, and its requests and items. */
  lastRun: string;
  lastRunDetail: string | null;
  nextDue: string;
  nextFollowerSweep: string;
  /** Flagged (gone, unauthorised, failing), or its newest run failed: the admin should look. */
  needsAttention: boolean;
}

/** One account's collection as the admin's table shows it. */
export function toCollectionRow(account: AccountCollectionStatus): CollectionRow {
  const run = account.lastRun;
  return {
    id: account.id,
    councillor: account.councillor.name,
    councillorId: account.councillor.id,
    platform: PLATFORM_LABEL[account.platform],
    handle: account.handle,
    status: account.status,
    statusLabel: accountStatusLabel(account),
    statusReason: account.status === 'active' ? null : account.statusReason,
    lastCollected: account.lastCollectedAt === null ? 'Never' : formatDateTime(account.lastCollectedAt),
    lastRun:
      run === null
        ? 'None yet'
        : `${RUN_LABEL[run.status]}, ${formatDateTime(run.finishedAt ?? run.startedAt)}: ${formatCount(run.requests)} requests, ${formatCount(run.items)} items`,
    lastRunDetail: run?.error ?? null,
    nextDue: account.nextDueAt === null ? 'Not scheduled' : formatDateTime(account.nextDueAt),
    nextFollowerSweep:
      account.nextFollowerSweepAt === null ? 'No follower list' : formatDateTime(account.nextFollowerSweepAt),
    needsAttention:
      account.status === 'gone' ||
      account.status === 'unauthorised' ||
      account.status === 'failing' ||
      run?.status === 'failed',
  };
}

/** Accounts needing attention first, then by councillor, platform and handle. */
export function collectionRows(accounts: readonly AccountCollectionStatus[]): CollectionRow[] {
  return accounts
    .map(toCollectionRow)
    .sort(
      (a, b) =>
        Number(b.needsAttention) - Number(a.needsAttention) ||
        a.councillor.localeCompare(b.councillor, 'en-GB') ||
        a.platform.localeCompare(b.platform, 'en-GB') ||
        a.handle.localeCompare(b.handle, 'en-GB'),
    );
}
