import type { Writable } from 'node:stream';
import { NotFoundException } from '@nestjs/common';
import type { Command } from 'commander';
import type { AccountCollectionStatus, CollectionStatusResponse } from '@wardreach/contracts';
import { CollectionStatusService } from '../collection/collection-status.service';
import { loadAppConfig } from '../config/app-config';
import { connectBudgetRedis } from './collect-deployment';
import { cliEnvironment, withCliContext } from './cli-context';

/** The process edges of the commands, injectable so a spec can run them in-process. */
export interface CollectionCommandsIo {
  stdout: Writable;
  stderr: Writable;
  setExitCode: (code: number) => void;
}

const processIo: CollectionCommandsIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `wardreach collection status` and `wardreach collection resume`: the admin's view of collection
 * (`GET /api/admin/collection`) and its one action, from the command line.
 */
export function registerCollectionCommands(
  program: Command,
  env: NodeJS.ProcessEnv = process.env,
  io: CollectionCommandsIo = processIo,
): void {
  const fail = (prefix: string, error: unknown) => {
    io.stderr.write(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
    io.setExitCode(2);
  };
  const collection = program
    .command('collection')
    .description(
      'collection health: when each account was last collected, what happened, when it is next due',
    );
  collection
    .command('status')
    .description(
      'every account (flagged ones first): last collection and its outcome, next collection and follower sweep; the queues; X spending',
    )
    .option('--json', 'print it as GET /api/admin/collection answers')
    .action(async (options: { json?: boolean }) => {
      try {
        // The queues and X's spending are kept in Redis: say so at once if it does not answer, rather
        // than wait on it.
        const redis = await connectBudgetRedis(loadAppConfig(cliEnvironment(env)));
        if (!redis) {
          throw new Error(
            'Redis (REDIS_URL) does not answer: the queues and X spending are kept there. Is the deployment’s Redis running?',
          );
        }
        await redis.quit();
        const status = await withCliContext((context) => context.get(CollectionStatusService).status(), env);
        io.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : renderStatus(status));
      } catch (error) {
        fail('wardreach collection status', error);
      }
    });
  collection
    .command('resume <account-id>')
    .description(
      'put an account flagged gone, unauthorised, failing or paused back in the plan, due now, once its cause is mended',
    )
    .action(async (id: string) => {
      if (!UUID.test(id)) {
        fail(
          'wardreach collection resume',
          new Error(`"${id}" is not an account id (a UUID, as status lists it)`),
        );
        return;
      }
      try {
        const { resumed } = await withCliContext(
          (context) => context.get(CollectionStatusService).resume(id),
          env,
        );
        io.stdout.write(
          resumed ? `account ${id} is due now\n` : `account ${id} was not flagged: it stays as planned\n`,
        );
      } catch (error) {
        fail(
          'wardreach collection resume',
          error instanceof NotFoundException ? new Error(`no account ${id}`) : error,
        );
      }
    });
}

/** The status as a plain table, times in UTC to the minute, with each flag's or failure's reason under its row. */
export function renderStatus(status: CollectionStatusResponse): string {
  const lines: string[] = [];
  const byStatus = new Map<string, number>();
  for (const account of status.accounts)
    byStatus.set(account.status, (byStatus.get(account.status) ?? 0) + 1);
  const counts = [...byStatus].map(([name, count]) => `${count} ${name}`).join(', ');
  lines.push(`${status.accounts.length} account(s)${counts ? `: ${counts}` : ''}. Times are UTC.`);
  for (const [queue, jobs] of Object.entries(status.queues)) {
    const shown = ['waiting', 'active', 'delayed', 'failed'].map((state) => `${jobs[state] ?? 0} ${state}`);
    lines.push(`queue ${queue}: ${shown.join(', ')}`);
  }
  const { x } = status;
  lines.push(
    `X: ${usd(x.spentThisMonthUsd)} spent of ${usd(x.monthlyBudgetUsd)} this month (renews ${minute(x.renewsAt)}); ` +
      `a full sweep is estimated at ${usd(x.estimatedSweepUsd)}`,
  );
  if (status.accounts.length === 0) return `${lines.join('\n')}\n`;
  const header = [
    'ACCOUNT',
    'COUNCILLOR',
    'PLATFORM',
    'HANDLE',
    'STATUS',
    'LAST COLLECTED',
    'LAST RUN',
    'NEXT DUE',
    'NEXT SWEEP',
  ];
  const rows = status.accounts.map((account) => [
    account.id,
    account.councillor.name,
    account.platform,
    account.handle,
    account.status,
    minute(account.lastCollectedAt),
    lastRun(account),
    minute(account.nextDueAt),
    minute(account.nextFollowerSweepAt),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  lines.push('', format(header));
  status.accounts.forEach((account, index) => {
    lines.push(format(rows[index]));
    const why =
      account.statusReason ?? (account.lastRun?.status === 'succeeded' ? null : account.lastRun?.error);
    if (why) lines.push(`  ${account.status === 'active' ? 'last run' : account.status}: ${why}`);
  });
  return `${lines.join('\n')}\n`;
}

function lastRun(account: AccountCollectionStatus): string {
  const run = account.lastRun;
  if (!run) return 'none yet';
  return run.status === 'running'
    ? `running since ${minute(run.startedAt)}`
    : `${run.status}, ${run.items} item(s)`;
}

function minute(iso: string | null): string {
  return iso === null ? '—' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function usd(amount: number): string {
  return `$${amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
