import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { isPlatform, personIdExpected, personIdFromRequest, personIdOf } from '@wardreach/collectors';
import type { Platform } from '@wardreach/collectors';
import { REATTRIBUTION_LOG_DAYS } from '../collection/collection.repository';
import { CollectorSetFactory } from '../collection/collector-set.factory';
import { Clock } from '../common/clock';
import { pseudonymise } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PersonRecord, PrivacyRepository } from './privacy.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PersonRef {
  platform: string;
  /** Their handle (resolved on the platform) or, when known, their platform id (Mastodon: `user@domain`). */
  handle?: string;
  externalId?: string;
}

/**
 * Subject-access and erasure for one platform account, and retention. wardreach holds residents
 * only by keyed pseudonym, so a request names the account and it is pseudonymised the same way.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly repository: PrivacyRepository,
    private readonly collectorSets: CollectorSetFactory,
    private readonly clock: Clock,
    @Inject(SECRET_KEY) private readonly secret: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async pseudonymOf(
    person: PersonRef,
  ): Promise<{ platform: Platform; pseudonym: string; externalId: string }> {
    const { platform } = person;
    if (!isPlatform(platform))
      throw new BadRequestException(`"${platform}" is not a platform wardreach collects`);
    // Nothing to look up: a feed has no followers or commenters, so no one is held from one.
    if (platform === 'rss') throw new BadRequestException(personIdExpected('rss'));
    const given = person.externalId?.trim();
    let externalId: string;
    if (given) {
      const id = personIdFromRequest(platform, given);
      if (!id.ok)
        throw new BadRequestException(
          `externalId: ${id.message}. If only their handle is known, give it as handle instead`,
        );
      externalId = id.id;
    } else {
      if (!person.handle?.trim())
        throw new BadRequestException('name the account by its handle or its platform id');
      const { collectors } = await this.collectorSets.create();
      const profile = await collectors[platform].fetchProfile({ handle: person.handle.trim() });
      // As collection identifies them (Mastodon: user@domain, not the id their own instance gave them).
      externalId = personIdOf(platform, profile) ?? profile.externalId;
    }
    return { platform, pseudonym: pseudonymise(this.secret, platform, externalId), externalId };
  }

  async export(person: PersonRef): Promise<PersonRecord & { platform: string }> {
    const { platform, pseudonym } = await this.pseudonymOf(person);
    return { platform, ...(await this.repository.record(platform, pseudonym)) };
  }

  async erase(person: PersonRef): Promise<{ followers: number; interactions: number }> {
    const { platform, pseudonym, externalId } = await this.pseudonymOf(person);
    return this.repository.erase(platform, pseudonym, externalId);
  }

  /** Deletes what has outlived its retention window (settings in the configuration). */
  purgeExpired(): Promise<{ edges: number; followers: number; interactions: number }> {
    const now = this.clock.now().getTime();
    return this.repository.purge({
      lostBefore: new Date(now - this.config.RETENTION_LOST_FOLLOWER_DAYS * DAY_MS),
      interactionsBefore: new Date(now - this.config.RETENTION_INTERACTION_DAYS * DAY_MS),
      reattributionsBefore: new Date(now - REATTRIBUTION_LOG_DAYS * DAY_MS),
    });
  }
}
