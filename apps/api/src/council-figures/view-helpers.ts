import type { CouncillorRef } from '@wardreach/contracts';

/** ISO time of the newest computation among stored rows; null when there are none. */
export function newestComputedAt(rows: ReadonlyArray<{ computedAt: Date }>): string | null {
  let newest: number | null = null;
  for (const row of rows) {
    const time = new Date(row.computedAt).getTime();
    if (newest === null || time > newest) newest = time;
  }
  return newest === null ? null : new Date(newest).toISOString();
}

/** A councillor as the views name them, without the council they belong to. */
export function stripCouncil(councillor: CouncillorRef & { councilId: string }): CouncillorRef {
  return { id: councillor.id, name: councillor.name, party: councillor.party, ward: councillor.ward };
}
