import { SUPPORT_FLAG_KEYS } from '@wardreach/contracts';
import type { SupportFilter } from '../series/support-filter';
import { isSupportFlagKey, SUPPORT_FLAG_LABEL } from '../series/support-flag-label';
import type { FilterOptions } from '../series/table-filter';
import { NO_PARTY } from '../series/table-filter';

interface SupportFiltersProps {
  filter: SupportFilter;
  options: FilterOptions;
  onChange: <K extends keyof SupportFilter>(key: K, value: SupportFilter[K]) => void;
}

/** Filters of the support table; every change goes into the URL, so an officer can share the view. */
export function SupportFilters({ filter, options, onChange }: SupportFiltersProps) {
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter councillors"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="support-flag">Support flag</label>
        <select
          id="support-flag"
          value={filter.flag ?? ''}
          onChange={(e) => onChange('flag', isSupportFlagKey(e.target.value) ? e.target.value : null)}
        >
          <option value="">Any or none</option>
          {SUPPORT_FLAG_KEYS.map((key) => (
            <option key={key} value={key}>
              {SUPPORT_FLAG_LABEL[key]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="support-ward">Ward</label>
        <select
          id="support-ward"
          value={filter.ward ?? ''}
          onChange={(e) => onChange('ward', e.target.value || null)}
        >
          <option value="">All wards</option>
          {options.wards.map((w) => (
            <option key={w.code} value={w.code}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="support-party">Party</label>
        <select
          id="support-party"
          value={filter.party ?? ''}
          onChange={(e) => onChange('party', e.target.value || null)}
        >
          <option value="">All parties</option>
          {options.parties.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
          {options.hasIndependents ? <option value={NO_PARTY}>No party recorded</option> : null}
        </select>
      </div>
    </form>
  );
}
