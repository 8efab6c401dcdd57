import { civicCsv, gazetteerCsv, populationCsv, rosterCsv, wardsGeoJson } from './demo/demo-files';
import { json, text } from './http/sandbox-http';
import type { SandboxRequest, SandboxResponse } from './http/sandbox-http';
import type { RequestStats } from './http/request-stats';
import type { TickSummary } from './world/tick-world';
import type { World } from './world/world';
import { summariseWorld } from './world/world-summary';

export interface ControlContext {
  world: World;
  stats: RequestStats;
  tick(): TickSummary;
  resetStats(): void;
}

const CSV = 'text/csv; charset=utf-8';

/** `?include=x,former` */
function includes(request: SandboxRequest, extra: string): boolean {
  return (request.url.searchParams.get('include') ?? '').split(',').includes(extra);
}

/** The sandbox's own endpoints under /_sandbox: stats, ticking, world sizes and the demo files. */
export function controlRoute(context: ControlContext, request: SandboxRequest): SandboxResponse | null {
  const path = request.url.pathname;
  if (!path.startsWith('/_sandbox')) return null;
  const { world } = context;
  const key = `${request.method} ${path}`;
  switch (key) {
    case 'GET /_sandbox':
    case 'GET /_sandbox/world':
      return json(200, summariseWorld(world));
    case 'GET /_sandbox/stats':
      return json(200, context.stats.read());
    case 'POST /_sandbox/stats/reset':
      context.resetStats();
      return json(200, context.stats.read());
    case 'POST /_sandbox/tick':
      return json(200, context.tick());
    case 'GET /_sandbox/demo/roster.csv':
      return text(
        200,
        rosterCsv(world, request.baseUrl, {
          x: includes(request, 'x'),
          former: includes(request, 'former'),
        }),
        CSV,
      );
    case 'GET /_sandbox/demo/gazetteer.csv':
      return text(200, gazetteerCsv(world), CSV);
    case 'GET /_sandbox/demo/population.csv':
      return text(200, populationCsv(world), CSV);
    case 'GET /_sandbox/demo/civic.csv':
      return text(200, civicCsv(world), CSV);
    case 'GET /_sandbox/demo/wards.geojson':
      return text(200, JSON.stringify(wardsGeoJson(world)), 'application/geo+json');
    default:
      return json(404, { error: 'Not Found', path });
  }
}
