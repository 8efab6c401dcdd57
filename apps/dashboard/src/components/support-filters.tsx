import { SUPPORT_FLAG_KEYS } from '@wardreach/contracts';
import type { SupportFilter } from '../series/support-filter';
import { isSupportFlagKey, SUPPORT_FLAG_LABEL } from '../series/support-flag-label';
import type { FilterOptions } from '../series/table-filter';
import { WardPartyFields } from './ward-party-fields';

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
      <WardPartyFields
        idPrefix="support"
        ward={filter.ward}
        party={filter.party}
        options={options}
        onWard={(ward) => onChange('ward', ward)}
        onParty={(party) => onChange('party', party)}
      />
    </form>
  );
}
