import type { HeadlineTile } from '../series/headline-tiles';

const COMPARISON_TEXT: Record<HeadlineTile['comparison'], string> = {
  above: '▲ above',
  below: '▼ below',
  level: '= level with',
  unknown: '',
};

/** The councillor's headline figures, each with the anonymised council median beside it. */
export function HeadlineTileList({ tiles }: { tiles: HeadlineTile[] }) {
  return (
    <ul className="tiles">
      {tiles.map((tile) => (
        <li key={tile.key} className="tile">
          <span className="tile__label">{tile.label}</span>
          <span className="tile__value">{tile.value}</span>
          <span className="tile__median">
            {tile.comparison === 'unknown'
              ? 'council median'
              : `${COMPARISON_TEXT[tile.comparison]} the council median`}
            : <strong>{tile.median}</strong>
          </span>
          {tile.note === null ? null : <span className="tile__note">({tile.note})</span>}
        </li>
      ))}
    </ul>
  );
}
