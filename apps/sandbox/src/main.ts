import { readSandboxConfig } from './sandbox-config';
import { createSandbox } from './sandbox-server';
import { summariseWorld } from './world/world-summary';

/** Starts the sandbox platforms from the environment (see sandbox-config.ts) and logs where. */
async function main(): Promise<void> {
  const config = readSandboxConfig(process.env);
  const sandbox = createSandbox(config.options);
  const { url } = await sandbox.listen(config.port, config.host);
  const summary = summariseWorld(sandbox.world);
  console.log(
    `wardreach sandbox platforms on ${url} (seed ${summary.seed}, ${summary.councillors} councillors, ` +
      `${summary.accounts.bluesky} Bluesky, ${summary.accounts.mastodon} Mastodon, ${summary.accounts.x} X, ${summary.accounts.blogs} blogs, ` +
      `${summary.followEdges} follow edges; generated in ${sandbox.generationMs} ms)`,
  );
  console.log(`roster: ${url}/_sandbox/demo/roster.csv`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
