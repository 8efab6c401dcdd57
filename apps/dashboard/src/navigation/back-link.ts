/** Where a page's back link leads, passed in the router's location state by the page that linked to it. */
export interface BackLink {
  /** Path and query string, as the linking page stood (its filters and sort kept). */
  to: string;
  label: string;
}

/** The back link a location's state carries, if it is one (state comes from history: it is checked). */
export function backLinkOf(state: unknown): BackLink | null {
  if (typeof state !== 'object' || state === null || !('back' in state)) return null;
  const back = state.back;
  if (typeof back !== 'object' || back === null) return null;
  const { to, label } = back as Record<string, unknown>;
  // Only a path inside the dashboard: never an address elsewhere.
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || typeof label !== 'string')
    return null;
  return { to, label };
}
