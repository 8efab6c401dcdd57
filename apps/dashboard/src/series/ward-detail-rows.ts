import type { CivicBridgeView, CivicNetworkSummary, WardFigures } from '@wardreach/contracts';
import { formatCount, formatDecimal, formatPercent } from './format';
import { PLATFORM_LABEL, PLATFORMS } from './platform-label';

/** A labelled figure of a two-column table: what it is, its value, and what it means. */
export interface FigureRow {
  label: string;
  value: string;
  meaning: string;
}

/** The ward's reach: distinct ward followers, adults and their ratio (penetration). */
export function wardFigureRows(figures: WardFigures): FigureRow[] {
  return [
    {
      label: 'Distinct ward followers',
      value: formatCount(figures.distinctWardFollowers),
      meaning: 'Followers placed in the ward, counted once per platform across the ward’s councillors.',
    },
    {
      label: 'Adults (18+)',
      value: formatCount(figures.adultPopulation),
      meaning: 'Adults living in the ward (census estimate).',
    },
    {
      label: 'Penetration',
      value: formatPercent(figures.penetration, 2),
      meaning: 'Distinct ward followers ÷ adults.',
    },
  ];
}

/** Distinct ward followers per platform, in the dashboard's platform order; platforms without any are left out. */
export function wardPlatformRows(figures: WardFigures): { platform: string; followers: string }[] {
  return PLATFORMS.flatMap((p) => {
    const followers = figures.byPlatform[p];
    return followers === undefined
      ? []
      : [{ platform: PLATFORM_LABEL[p], followers: formatCount(followers) }];
  });
}

/** The civic network's shape, each figure with what it means in plain words. */
export function networkSummaryRows(network: CivicNetworkSummary): FigureRow[] {
  return [
    {
      label: 'Accounts',
      value: formatCount(network.nodes),
      meaning: 'Councillors, civic organisations and residents in the network.',
    },
    { label: 'Links', value: formatCount(network.edges), meaning: 'Follows between them, either way.' },
    {
      label: 'Density',
      value: formatPercent(network.density, 2),
      meaning: 'Links present out of every possible link.',
    },
    {
      label: 'Separate parts',
      value: formatCount(network.components),
      meaning: 'Groups with no link between them.',
    },
    {
      label: 'Average clustering',
      value: formatDecimal(network.averageClustering, 3),
      meaning: 'How often two accounts linked to a third are linked to each other (0 to 1).',
    },
    {
      label: 'Communities',
      value: formatCount(network.communities),
      meaning: 'Groups more linked inside than outside.',
    },
    {
      label: 'Modularity',
      value: formatDecimal(network.modularity, 3),
      meaning: 'How clearly the communities separate (above 0.3 is clear).',
    },
  ];
}

const BRIDGE_KIND_LABEL: Record<CivicBridgeView['kind'], string> = {
  councillor: 'Councillor',
  civic: 'Civic organisation',
  resident: 'Resident',
};

/** Accounts that join communities; residents keep the API's anonymous "A resident". */
export function bridgeRows(
  network: CivicNetworkSummary,
): { key: string; label: string; kind: string; betweenness: string; community: string }[] {
  return network.bridges.map((b, index) => ({
    key: b.id ?? `resident-${index}`,
    label: b.label,
    kind: BRIDGE_KIND_LABEL[b.kind],
    // A bridge carries some share of the shortest paths: one too small for two decimals is not 0.00%.
    betweenness:
      b.betweenness > 0 && b.betweenness < 0.00005 ? 'under 0.01%' : formatPercent(b.betweenness, 2),
    community: formatCount(b.community + 1),
  }));
}
