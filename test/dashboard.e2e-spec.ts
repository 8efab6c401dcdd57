import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { Client } from 'pg';
import { dashboardDir } from '../apps/api/src/api-app';
import { CollectionPlanner } from '../apps/api/src/collection/collection-planner.cron.job';
import { eventually, startPipeline } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';
import { ensureDashboardBuilt } from './support/worker-process';

jest.setTimeout(240_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function tileValue(page: Page, label: string): Promise<string> {
  const value = page.locator(`li.tile:has(.tile__label:text-is("${label}")) .tile__value`);
  return ((await value.textContent()) ?? '').trim();
}

/** The dashboard in a real browser, served by the API, over data that came through the pipeline. */
describe('the dashboard in a browser', () => {
  let pipeline: PipelineHarness;
  let db: Client;
  let browser: Browser;

  beforeAll(async () => {
    ensureDashboardBuilt();
    expect(existsSync(join(dashboardDir(), 'index.html'))).toBe(true);
    pipeline = await startPipeline({ sandbox: { residents: 8_000 }, dashboard: true });
    db = new Client({ connectionString: pipeline.database.url });
    await db.connect();
    await pipeline.api.get(CollectionPlanner).plan();
    await eventually(
      async () => {
        const { rows } = await db.query<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM platform_account WHERE last_collected_at IS NULL`,
        );
        return rows[0].pending === 0 ? true : undefined;
      },
      180_000,
      'the first collection',
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await pipeline?.close();
  });

  it('lists every councillor, sortable by keyboard, and opens a footprint', async () => {
    const page = await browser.newPage();
    await page.goto(pipeline.apiUrl);
    const rows = page.locator('table').first().locator('tbody tr');
    await eventually(async () => ((await rows.count()) === 69 ? true : undefined), 20_000, '69 rows');

    // The skip link is the first thing the keyboard reaches.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toMatch(/skip/i);

    // Sorting by followers with the keyboard puts the biggest footprint first and says so.
    const followersHeader = page.getByRole('button', { name: /^Followers/ });
    await followersHeader.focus();
    const sortedHeader = page.locator('th[aria-sort]');
    const sortOrder = () => sortedHeader.getAttribute('aria-sort');
    await page.keyboard.press('Enter');
    await eventually(
      async () => ((await sortedHeader.textContent())?.startsWith('Followers') ? true : undefined),
      10_000,
      'the sort',
    );
    if ((await sortOrder()) !== 'descending') await page.keyboard.press('Enter');
    await eventually(
      async () => ((await sortOrder()) === 'descending' ? true : undefined),
      10_000,
      'a descending sort',
    );
    expect(await sortedHeader.textContent()).toMatch(/^Followers/);
    expect(page.url()).toMatch(/sort=followers/);

    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Headline figures' }).waitFor({ timeout: 60_000 });
    expect(await page.getByText(/council median/).count()).toBeGreaterThan(0);
    // What is waiting for the councillor's answer: a table of links to the posts, or a line saying none is.
    const waiting = page.getByRole('region', { name: 'Waiting for a reply', exact: true });
    expect(
      (await waiting.getByRole('table').count()) + (await waiting.getByText(/^Nothing is waiting/).count()),
    ).toBe(1);
    // Every chart has its data as a table beside it.
    const charts = await page.locator('canvas[role="img"]').count();
    expect(charts).toBeGreaterThan(0);
    expect(await page.locator('details table').count()).toBeGreaterThanOrEqual(charts);
    await page.close();
  });

  it('keeps every character typed into the search box, however fast', async () => {
    const page = await browser.newPage();
    await page.goto(pipeline.apiUrl);
    const search = page.getByLabel('Name, ward or party contains');
    await search.waitFor({ timeout: 60_000 });
    await search.focus();
    await page.keyboard.type('Holme Valley', { delay: 0 });
    expect(await search.inputValue()).toBe('Holme Valley');
    await eventually(
      () => Promise.resolve(new URL(page.url()).searchParams.get('q') === 'Holme Valley' ? true : undefined),
      10_000,
      'the search in the address',
    );
    await page.close();
  });

  it('fits the councillors table in a 1280-pixel window, and scrolls it by keyboard when narrower', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(pipeline.apiUrl);
    const region = page.getByRole('region', { name: 'Councillors table' });
    const rows = region.locator('tbody tr');
    await eventually(async () => ((await rows.count()) === 69 ? true : undefined), 20_000, '69 rows');
    // The test's TypeScript has no DOM types: the scroll box is described by what is read of it.
    type ScrollBox = { scrollWidth: number; clientWidth: number; scrollLeft: number };
    const sideways = () => region.evaluate((box: ScrollBox) => box.scrollWidth - box.clientWidth);
    expect(await sideways()).toBe(0);
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - innerWidth'),
    ).toBeLessThanOrEqual(0);

    // Narrower, the table scrolls inside its named region, which takes focus and moves with the arrow keys.
    await page.setViewportSize({ width: 1024, height: 800 });
    await eventually(async () => ((await sideways()) > 0 ? true : undefined), 10_000, 'a narrower table');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await eventually(
      async () => ((await region.evaluate((box: ScrollBox) => box.scrollLeft)) > 0 ? true : undefined),
      10_000,
      'scrolled by the arrow key',
    );
    await page.close();
  });

  it('reflows a footprint with replies waiting to 320 pixels, without scrolling sideways (WCAG 1.4.10)', async () => {
    const { rows } = await db.query<{ councillor_id: string }>(
      `SELECT a.councillor_id FROM interaction i JOIN platform_account a ON a.id = i.account_id
       WHERE i.answered_at IS NULL GROUP BY a.councillor_id ORDER BY count(*) DESC LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${pipeline.apiUrl}/councillors/${rows[0].councillor_id}`);
    await page.getByRole('heading', { name: 'Headline figures' }).waitFor({ timeout: 60_000 });
    const waiting = page.getByRole('region', { name: 'Waiting for a reply', exact: true });
    await waiting.getByRole('table').waitFor();
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - innerWidth'),
    ).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('shows the admin every account’s collection, and narrows to those needing attention by keyboard', async () => {
    const { rows: counts } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform_account`);
    const page = await browser.newPage();
    await page.goto(`${pipeline.apiUrl}/admin/collection`);
    const table = page.getByRole('table', { name: /^Every account/ });
    await table.waitFor({ timeout: 60_000 });
    expect(await table.locator('tbody tr').count()).toBe(counts[0].n);
    await page.getByLabel('Only accounts needing attention').focus();
    await page.keyboard.press('Space');
    await eventually(
      () => Promise.resolve(page.url().endsWith('/admin/collection?attention=1') ? true : undefined),
      10_000,
      'the attention filter',
    );
    expect(await page.getByRole('table', { name: 'Jobs in each queue, by state' }).count()).toBe(1);
    await page.close();
  });

  it('shows a new follower on the open page without a reload', async () => {
    const { rows } = await db.query<{ councillor_id: string; handle: string; account_id: string }>(
      `SELECT councillor_id, handle, id AS account_id FROM platform_account WHERE platform = 'bluesky' ORDER BY handle LIMIT 1`,
    );
    const { councillor_id: councillorId, handle, account_id: accountId } = rows[0];
    const page = await browser.newPage();
    await page.goto(`${pipeline.apiUrl}/councillors/${councillorId}`);
    await page.getByRole('heading', { name: 'Headline figures' }).waitFor({ timeout: 60_000 });
    await page.getByText('Live', { exact: true }).waitFor();
    const before = await tileValue(page, 'Followers');

    // A resident follows the councillor on the platform; the next collection picks it up.
    const world = pipeline.sandbox.world;
    const councillor = world.findBlueskyActor(handle)!;
    const resident = world.actors.find(
      (actor) =>
        actor.kind === 'resident' &&
        actor.platform === 'bluesky' &&
        !world.hasFollow(actor.index, councillor.index),
    )!;
    world.addFollow(resident.index, councillor.index, Date.now(), '3mabcdefghij2');
    await db.query(`UPDATE platform_account SET next_due_at = now() WHERE id = $1`, [accountId]);
    await pipeline.api.get(CollectionPlanner).plan();

    const expected = (Number(before.replace(/,/g, '')) + 1).toLocaleString('en-GB');
    await eventually(
      async () => ((await tileValue(page, 'Followers')) === expected ? true : undefined),
      60_000,
      `followers to read ${expected}`,
    );
    await page.close();
  });
});
