import type { PlatformName } from '@wardreach/contracts';
import { useEffect, useRef, useState } from 'react';
import type { FilterOptions, TableFilter } from '../series/table-filter';
import { isPlatformName, PLATFORM_LABEL, PLATFORMS } from '../series/platform-label';
import { WardPartyFields } from './ward-party-fields';

interface CouncillorFiltersProps {
  filter: TableFilter;
  options: FilterOptions;
  onChange: <K extends keyof TableFilter>(key: K, value: TableFilter[K]) => void;
}

/**
 * Filters for the council table; every change goes straight into the URL, so views can be shared. The
 * search box keeps what is typed itself: the URL is written a navigation later, and a box showing the URL
 * would drop the keys typed in between (fast typing, pasting by dictation). It takes the URL's text again
 * only while it is not being typed in (the back button, a shared link).
 */
export function CouncillorFilters({ filter, options, onChange }: CouncillorFiltersProps) {
  const [text, setText] = useState(filter.text);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== box.current) setText(filter.text);
  }, [filter.text]);
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter councillors"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="filter-text">Name, ward or party contains</label>
        <input
          id="filter-text"
          type="search"
          ref={box}
          value={text}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            onChange('text', e.target.value);
          }}
        />
      </div>
      <WardPartyFields
        idPrefix="filter"
        ward={filter.ward}
        party={filter.party}
        options={options}
        onWard={(ward) => onChange('ward', ward)}
        onParty={(party) => onChange('party', party)}
      />
      <div className="field">
        <label htmlFor="filter-platform">Platform</label>
        <select
          id="filter-platform"
          value={filter.platform ?? ''}
          onChange={(e) => onChange('platform', toPlatform(e.target.value))}
        >
          <option value="">All platforms</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABEL[p]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function toPlatform(value: string): PlatformName | null {
  return isPlatformName(value) ? value : null;
}
