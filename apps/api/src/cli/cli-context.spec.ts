import { cliEnvironment } from './cli-context';

describe('the environment of an admin command', () => {
  it('against the demo (no DATABASE_URL) is the demo’s, as `wardreach start` gives its API and worker', () => {
    const env = cliEnvironment({ SANDBOX_PORT: '8091' });
    expect(env).toMatchObject({
      QUEUE_PREFIX: 'wardreach-demo',
      X_MONTHLY_BUDGET_USD: '100000000',
      X_API_BASE_URL: 'http://127.0.0.1:8091',
      MASTODON_BASE_URL: 'http://127.0.0.1:8091',
      BLUESKY_APPVIEW_URL: 'http://127.0.0.1:8091',
      SANDBOX_PORT: '8091',
    });
  });

  it('keeps what the environment sets, over the demo’s defaults', () => {
    const env = cliEnvironment({
      QUEUE_PREFIX: 'council-a',
      X_BEARER_TOKEN: 'a-real-token',
      QUEUE_UNSET: undefined,
    });
    expect(env.QUEUE_PREFIX).toBe('council-a');
    // A real X token: the demo neither points X at the sandbox nor raises the budget.
    expect(env.X_BEARER_TOKEN).toBe('a-real-token');
    expect(env.X_API_BASE_URL).toBeUndefined();
    expect(env.X_MONTHLY_BUDGET_USD).toBeUndefined();
    expect('QUEUE_UNSET' in env).toBe(false);
  });

  it('against a deployment’s database is the environment as given', () => {
    const deployment = { DATABASE_URL: 'postgres://wardreach@db.example/wardreach' };
    expect(cliEnvironment(deployment)).toBe(deployment);
    const notDemo = { WARDREACH_DEMO: 'false' };
    expect(cliEnvironment(notDemo)).toBe(notDemo);
    expect(cliEnvironment({ ...deployment, WARDREACH_DEMO: 'true' }).QUEUE_PREFIX).toBe('wardreach-demo');
  });
});
