import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config';

/**
 * The deployment's secret: from WARDREACH_SECRET_KEY, or generated once into the data folder so a
 * demo on a fresh machine works and keeps the same pseudonyms across restarts.
 */
export function resolveSecretKey(
  config: Pick<AppConfig, 'WARDREACH_SECRET_KEY' | 'WARDREACH_DATA_DIR'>,
): string {
  if (config.WARDREACH_SECRET_KEY) return config.WARDREACH_SECRET_KEY;
  const file = join(config.WARDREACH_DATA_DIR, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.WARDREACH_DATA_DIR, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
