import type { PlatformName, WardRef } from '@wardreach/contracts';
import type { CouncillorRow } from './councillor-rows';
import { isPlatformName } from './platform-label';

export interface TableFilter {
  /** Ward code, or null for every ward. */
  ward: string | null;
  /** Party name; `NO_PARTY` selects independents without a recorded party. */
  party: string | null;
  platform: PlatformName | null;
  /** Free text matched against name, ward and party, case-insensitively. */
  text: string;
}

export const NO_PARTY = '__none__';

const FILTER_PARAMS = { ward: 'ward', party: 'party', platform: 'platform', text: 'q' } as const;

export function readFilter(params: URLSearchParams): TableFilter {
  const platform = params.get(FILTER_PARAMS.platform);
  return {
    ward: params.get(FILTER_PARAMS.ward) || null,
    party: params.get(FILTER_PARAMS.party) || null,
    platform: platform !== null && isPlatformName(platform) ? platform : null,
    text: params.get(FILTER_PARAMS.text) ?? '',
  };
}

/** Writes one filter into a copy of the query string; an empty value removes the parameter. */
export function writeFilter<K extends keyof TableFilter>(
  params: URLSearchParams,
  key: K,
  value: TableFilter[K],
): URLSearchParams {
  const next = new URLSearchParams(params);
  const name = FILTER_PARAMS[key];
  if (value === null || value === '') next.delete(name);
  else next.set(name, value);
  return next;
}

export function filterRows(rows: readonly CouncillorRow[], filter: TableFilter): CouncillorRow[] {
  const needle = filter.text.trim().toLocaleLowerCase('en-GB');
  return rows.filter((row) => {
    if (filter.ward !== null && row.wardCode !== filter.ward) return false;
    if (filter.party !== null) {
      const party = row.sortValue.party;
      if (filter.party === NO_PARTY ? party !== null : party !== filter.party) return false;
    }
    if (filter.platform !== null && !row.platformNames.includes(filter.platform)) return false;
    if (needle === '') return true;
    return [row.display.name, row.display.ward, row.display.party].some((text) =>
      text.toLocaleLowerCase('en-GB').includes(needle),
    );
  });
}

export interface FilterOptions {
  wards: { code: string; name: string }[];
  parties: string[];
  hasIndependents: boolean;
}

/** The choices the filter selects offer: only wards and parties that occur, sorted by name. */
export function filterOptions(items: readonly { ward: WardRef; party: string | null }[]): FilterOptions {
  const wards = new Map<string, string>();
  const parties = new Set<string>();
  let hasIndependents = false;
  for (const c of items) {
    wards.set(c.ward.code, c.ward.name);
    if (c.party === null) hasIndependents = true;
    else parties.add(c.party);
  }
  const byText = (a: string, b: string) => a.localeCompare(b, 'en-GB');
  return {
    wards: [...wards].map(([code, name]) => ({ code, name })).sort((a, b) => byText(a.name, b.name)),
    parties: [...parties].sort(byText),
    hasIndependents,
  };
}
