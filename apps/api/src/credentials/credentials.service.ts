import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { isPlatform } from '@wardreach/collectors';
import type { Platform } from '@wardreach/collectors';
import { SECRET_KEY } from '../common/secret-key.token';
import { CredentialCipher } from './credential-cipher';
import { CREDENTIAL_NAMES, isCredentialName } from './credential-names';
import { CredentialsRepository } from './credentials.repository';

/** What the admin may see of a credential: that it is set and when, never its value. */
export interface CredentialView {
  platform: Platform;
  name: string;
  updatedAt: string;
}

export type DecryptedCredentials = Partial<Record<Platform, Record<string, string>>>;

const CACHE_MS = 30_000;

/** Stores council-supplied credentials encrypted, hands them decrypted only to the collectors. */
@Injectable()
export class CredentialsService {
  private readonly cipher: CredentialCipher;
  private cache: { at: number; values: DecryptedCredentials } | null = null;

  constructor(
    private readonly repository: CredentialsRepository,
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

  async set(platform: string, name: string, value: string): Promise<void> {
    const slot = this.slot(platform, name);
    const trimmed = value.trim();
    if (trimmed === '') throw new BadRequestException('the credential value is empty');
    await this.repository.put({
      ...slot,
      ciphertext: this.cipher.encrypt(trimmed, `${slot.platform}/${slot.name}`),
    });
    this.cache = null;
  }

  async remove(platform: string, name: string): Promise<void> {
    const slot = this.slot(platform, name);
    if (!(await this.repository.remove(slot)))
      throw new NotFoundException(`no ${slot.platform} ${slot.name} is stored`);
    this.cache = null;
  }

  /** Every stored credential, decrypted, for building collectors (cached briefly). */
  async decrypted(now = Date.now()): Promise<DecryptedCredentials> {
    if (this.cache && now - this.cache.at < CACHE_MS) return this.cache.values;
    const values: DecryptedCredentials = {};
    for (const stored of await this.repository.all()) {
      (values[stored.platform] ??= {})[stored.name] = this.cipher.decrypt(
        stored.ciphertext,
        `${stored.platform}/${stored.name}`,
      );
    }
    this.cache = { at: now, values };
    return values;
  }
}
