import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { isPlatform } from '@wardreach/collectors';
import type { Platform } from '@wardreach/collectors';
import { AccountsRepository } from '../accounts/accounts.repository';
import { Clock } from '../common/clock';
import { SECRET_KEY } from '../common/secret-key.token';
import { CredentialCipher, CredentialDecryptionError } from './credential-cipher';
import { credentialFormatProblem } from './credential-format';
import { CREDENTIAL_NAMES, isCredentialName } from './credential-names';
import { CredentialsRepository } from './credentials.repository';

/** What the admin may see of a credential: that it is set and when, never its value. */
export interface CredentialView {
  platform: Platform;
  name: string;
  updatedAt: string;
}

export type DecryptedCredentials = Partial<Record<Platform, Record<string, string>>>;

/** The stored credentials, decrypted; those that would not decrypt are named, never guessed at. */
export interface StoredCredentials {
  values: DecryptedCredentials;
  /**
   * Credentials stored under another `WARDREACH_SECRET_KEY`, or altered in the database: each
   * platform's collector says so, and the other platforms collect as usual.
   */
  unreadable: Array<{ platform: Platform; name: string }>;
}

/** Stores council-supplied credentials encrypted, hands them decrypted only to the collectors. */
@Injectable()
export class CredentialsService {
  private readonly logger = new Logger(CredentialsService.name);
  /** Unreadable credentials already logged (`platform/name`), so that each is logged once. */
  private readonly reportedUnreadable = new Set<string>();
  private readonly cipher: CredentialCipher;

  constructor(
    private readonly repository: CredentialsRepository,
    private readonly accounts: AccountsRepository,
    private readonly clock: Clock,
    @Inject(SECRET_KEY) secret: string,
  ) {
    this.cipher = new CredentialCipher(secret);
  }

  private slot(platform: string, name: string): { platform: Platform; name: string } {
    if (!isPlatform(platform))
      throw new BadRequestException(`"${platform}" is not a platform wardreach collects`);
    if (!isCredentialName(platform, name)) {
      const names = CREDENTIAL_NAMES[platform];
      throw new BadRequestException(
        names.length
          ? `${platform} credentials are ${names.join(', ')}; "${name}" is not one`
          : `${platform} needs no credentials`,
      );
    }
    return { platform, name };
  }

  async list(): Promise<CredentialView[]> {
    return (await this.repository.all()).map(({ platform, name, updatedAt }) => ({
      platform,
      name,
      updatedAt: new Date(updatedAt).toISOString(),
    }));
  }

  /**
   * Stores the credential, and puts the platform's accounts flagged unauthorised back in the plan,
   * due now: the flag meant this credential was missing, expired or refused, and the new one may
   * serve (if it does not, the next collection flags them again). Returns how many were resumed.
   */
  async set(platform: string, name: string, value: string): Promise<{ resumed: number }> {
    const slot = this.slot(platform, name);
    // Surrounding whitespace is a newline from standard input or a stray space from a paste: dropped.
    // Anything else that is not the credential's form is refused, naming the rule, never the value.
    const trimmed = value.trim();
    const problem = credentialFormatProblem(slot.platform, slot.name, trimmed);
    if (problem) throw new BadRequestException(`${slot.platform} ${slot.name} not stored: ${problem}`);
    await this.repository.put({
      ...slot,
      ciphertext: this.cipher.encrypt(trimmed, `${slot.platform}/${slot.name}`),
    });
    const resumed = await this.accounts.resume({
      platform: slot.platform,
      statuses: ['unauthorised'],
      now: this.clock.now(),
    });
    if (resumed.length > 0) {
      this.logger.log(
        `${slot.platform} ${slot.name} set: ${resumed.length} account(s) flagged unauthorised are due again`,
      );
    }
    return { resumed: resumed.length };
  }

  async remove(platform: string, name: string): Promise<void> {
    const slot = this.slot(platform, name);
    if (!(await this.repository.remove(slot)))
      throw new NotFoundException(`no ${slot.platform} ${slot.name} is stored`);
  }

  /**
   * Every stored credential, decrypted, for building one job's collectors: read afresh each time (a
   * handful of rows), so a credential the admin has just set serves the very next job in every worker.
   */
  async decrypted(): Promise<StoredCredentials> {
    const stored: StoredCredentials = { values: {}, unreadable: [] };
    for (const row of await this.repository.all()) {
      try {
        const value = this.cipher.decrypt(row.ciphertext, `${row.platform}/${row.name}`);
        (stored.values[row.platform] ??= {})[row.name] = value;
        this.reportedUnreadable.delete(`${row.platform}/${row.name}`);
      } catch (error) {
        if (!(error instanceof CredentialDecryptionError)) throw error;
        stored.unreadable.push({ platform: row.platform, name: row.name });
        // Said once, not at every job (each account's status carries it from then on).
        if (this.reportedUnreadable.has(`${row.platform}/${row.name}`)) continue;
        this.reportedUnreadable.add(`${row.platform}/${row.name}`);
        this.logger.error(
          `the stored ${row.platform} ${row.name} does not decrypt with this WARDREACH_SECRET_KEY (set under another key, or altered): set it again`,
        );
      }
    }
    return stored;
  }
}
