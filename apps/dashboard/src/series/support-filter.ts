import type { SupportFlagKey } from '@wardreach/contracts';
import type { SupportTableRow } from './support-rows';
import { isSupportFlagKey } from './support-flag-label';
import { NO_PARTY } from './table-filter';

export interface SupportFilter {
  /** Only councillors raising this flag; null for everyone. */
  flag: SupportFlagKey | null;
  /** Ward code, or null for every ward. */
  ward: string | null;
  /** Party name; `NO_PARTY` selects councillors without a recorded party. */
  party: string | null;
}

const SUPPORT_FILTER_PARAMS = { flag: 'flag', ward: 'ward', party: 'party' } as const;

/** Reads `?flag=inactive&ward=…&party=…`; an unknown flag is ignored rather than matching nobody. */
export function readSupportFilter(params: URLSearchParams): SupportFilter {
  const flag = params.get(SUPPORT_FILTER_PARAMS.flag);
  return {
    flag: flag !== null && isSupportFlagKey(flag) ? flag : null,
    ward: params.get(SUPPORT_FILTER_PARAMS.ward) || null,
    party: params.get(SUPPORT_FILTER_PARAMS.party) || null,
  };
}

/** Writes one filter into a copy of the query string; null removes the parameter. */
export function writeSupportFilter<K extends keyof SupportFilter>(
  params: URLSearchParams,
  key: K,
  value: SupportFilter[K],
): URLSearchParams {
  const next = new URLSearchParams(params);
  const name = SUPPORT_FILTER_PARAMS[key];
  if (value === null) next.delete(name);
  else next.set(name, value);
  return next;
}

export function filterSupportRows(
  rows: readonly SupportTableRow[],
  filter: SupportFilter,
): SupportTableRow[] {
  return rows.filter((row) => {
    if (filter.flag !== null && !row.flags.some((f) => f.key === filter.flag)) return false;
    if (filter.ward !== null && row.wardCode !== filter.ward) return false;
    if (filter.party === null) return true;
    return filter.party === NO_PARTY ? row.party === null : row.party === filter.party;
  });
}

/** The server's CSV of the table as filtered: the same flag, ward and party. */
export function supportCsvHref(filter: SupportFilter): string {
  const query = new URLSearchParams();
  if (filter.flag !== null) query.set('flag', filter.flag);
  if (filter.ward !== null) query.set('ward', filter.ward);
  if (filter.party === NO_PARTY) query.set('noParty', 'true');
  else if (filter.party !== null) query.set('party', filter.party);
  const text = query.toString();
  return text === '' ? '/api/support.csv' : `/api/support.csv?${text}`;
}
