import {
  BadGatewayException,
  BadRequestException,
  HttpException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  AccountGoneError,
  CollectorError,
  MalformedPayloadError,
  NotConfiguredError,
  RateLimitedError,
  UnauthorisedError,
  isPlatform,
  parseMastodonHandle,
  personIdExpected,
  personIdFromRequest,
  personIdOf,
} from '@wardreach/collectors';
import type { CollectedProfile, Platform } from '@wardreach/collectors';
import { CollectorSetFactory } from '../collection/collector-set.factory';
import { Clock } from '../common/clock';
import { pseudonymise } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PersonRecord, PrivacyRepository } from './privacy.repository';
import type { ErasureCounts } from './privacy.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Each platform as an answer names it. */
const NAMES: Record<Platform, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  rss: 'RSS',
  x: 'X',
  facebook: 'Facebook',
  youtube: 'YouTube',
};

/** A 503 for a platform that cannot answer now; `retryAfterSeconds` becomes a `Retry-After` header when known. */
export class PlatformUnavailableException extends ServiceUnavailableException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

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
  private readonly logger = new Logger(PrivacyService.name);

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
      const profile = await this.lookUp(platform, person.handle.trim());
      // As collection identifies them (Mastodon: user@domain, not the id their own instance gave them).
      externalId = personIdOf(platform, profile) ?? profile.externalId;
    }
    return { platform, pseudonym: pseudonymise(this.secret, platform, externalId), externalId };
  }

  /**
   * The profile a handle names on its platform. What a collector throws becomes an answer the admin
   * can act on (a gone account: give the platform id; missing credentials; try later), never a 500:
   * neither the answer nor the log line carries the handle (a collector's message names it).
   */
  private async lookUp(platform: Platform, handle: string): Promise<CollectedProfile> {
    const byId = `give the person's platform id as externalId instead: ${personIdExpected(platform)}`;
    if (platform === 'mastodon' && !parseMastodonHandle(handle))
      throw new BadRequestException(`handle: a Mastodon handle is user@instance; or ${byId}`);
    const { collectors } = await this.collectorSets.create();
    try {
      return await collectors[platform].fetchProfile({ handle });
    } catch (error) {
      if (!(error instanceof CollectorError)) throw error;
      this.logger.warn(`a ${platform} handle lookup for a privacy request failed: ${error.kind}`);
      throw this.answerTo(error, platform, byId);
    }
  }

  private answerTo(error: CollectorError, platform: Platform, byId: string): HttpException {
    const name = NAMES[platform];
    if (error instanceof AccountGoneError)
      return new NotFoundException(
        `No ${name} account could be looked up by that handle: it may have been deleted, suspended, renamed or moved. To erase or export what is held about it, ${byId}`,
      );
    if (error instanceof UnauthorisedError)
      return new PlatformUnavailableException(
        error instanceof NotConfiguredError
          ? `Looking the handle up on ${name} needs its credentials, which are not set: set them, or ${byId}`
          : `${name} refused the lookup: its credentials are missing, wrong or expired${platform === 'mastodon' ? ', or the instance refuses lookups without them' : ''}. Set them, or ${byId}`,
      );
    if (error instanceof RateLimitedError) {
      const seconds = Math.max(1, Math.ceil((error.resetAt.getTime() - this.clock.now().getTime()) / 1000));
      return new PlatformUnavailableException(
        `${name}'s rate limit is spent: try again after ${error.resetAt.toISOString()}, or ${byId}`,
        seconds,
      );
    }
    if (error instanceof MalformedPayloadError) {
      return error.path === 'handle'
        ? new BadRequestException(`handle: that is not a handle ${name} takes; or ${byId}`)
        : new BadGatewayException(
            `${name} answered the lookup in a form wardreach does not understand: ${byId}`,
          );
    }
    return new PlatformUnavailableException(`${name} could not be reached: try again later, or ${byId}`);
  }

  async export(person: PersonRef): Promise<PersonRecord & { platform: string }> {
    const { platform, pseudonym } = await this.pseudonymOf(person);
    return { platform, ...(await this.repository.record(platform, pseudonym)) };
  }

  async erase(person: PersonRef): Promise<ErasureCounts> {
    const { platform, pseudonym, externalId } = await this.pseudonymOf(person);
    return this.repository.erase(platform, pseudonym, externalId);
  }

  /** Deletes what has outlived its retention window (settings in the configuration). */
  purgeExpired(): Promise<{ edges: number; follows: number; interactions: number }> {
    const now = this.clock.now().getTime();
    return this.repository.purge({
      lostBefore: new Date(now - this.config.RETENTION_LOST_FOLLOWER_DAYS * DAY_MS),
      interactionsBefore: new Date(now - this.config.RETENTION_INTERACTION_DAYS * DAY_MS),
    });
  }
}
