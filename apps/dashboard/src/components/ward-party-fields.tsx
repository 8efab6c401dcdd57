import type { FilterOptions } from '../series/table-filter';
import { NO_PARTY } from '../series/table-filter';

interface WardPartyFieldsProps {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string;
  ward: string | null;
  party: string | null;
  options: FilterOptions;
  onWard: (ward: string | null) => void;
  onParty: (party: string | null) => void;
}

/** The ward and party choices every councillor table offers, with "All" as the empty choice. */
export function WardPartyFields({ idPrefix, ward, party, options, onWard, onParty }: WardPartyFieldsProps) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-ward`}>Ward</label>
        <select id={`${idPrefix}-ward`} value={ward ?? ''} onChange={(e) => onWard(e.target.value || null)}>
          <option value="">All wards</option>
          {options.wards.map((w) => (
            <option key={w.code} value={w.code}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-party`}>Party</label>
        <select
          id={`${idPrefix}-party`}
          value={party ?? ''}
          onChange={(e) => onParty(e.target.value || null)}
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
    </>
  );
}
