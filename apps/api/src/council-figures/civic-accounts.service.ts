import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type {
  CivicAccountListResponse,
  CivicAccountView,
  RegisterCivicAccountRequest,
} from '@wardreach/contracts';
import {
  AccountGoneError,
  MalformedPayloadError,
  RateLimitedError,
  TransientError,
  UnauthorisedError,
  personIdFromRequest,
  personIdOf,
} from '@wardreach/collectors';
import type { CollectedProfile, Platform } from '@wardreach/collectors';
import { CollectorSetFactory } from '../collection/collector-set.factory';
import { pseudonymise } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import {
  CivicAccountsRepository,
  DuplicateCivicAccountError,
  ErasedCivicAccountError,
} from './civic-accounts.repository';

/** 409: the account was erased at its owner's request, so it is not registered (a duplicate is a plain 409). */
export class ErasedAccountException extends ConflictException {}
import { normaliseHandle } from '../council/account-handle';
import { CouncilViewsRepository } from './council-views.repository';

/**
 * Registers civic organisations. Their platform id is kept (organisations are named, residents are
 * not), and its keyed pseudonym beside it, so their follows and replies are recognised among the
 * pseudonymised followers and interactions.
 */
@Injectable()
export class CivicAccountsService {
  constructor(
    private readonly accounts: CivicAccountsRepository,
    private readonly roster: CouncilViewsRepository,
    @Inject(SECRET_KEY) private readonly secret: string,
    private readonly collectorSets: CollectorSetFactory,
  ) {}

  async list(): Promise<CivicAccountListResponse> {
    const items = await this.accounts.list();
    return { items, total: items.length };
  }

  /**
   * Registers an organisation an admin names by its handle (`POST /api/civic-accounts`): the handle is
   * looked up on its platform, as `wardreach import civic` does, so its follows and replies are
   * recognised under the id the platform gives it; an id given beside the handle must be that one.
   */
  async registerByHandle(request: RegisterCivicAccountRequest): Promise<CivicAccountView> {
    const handle = normaliseHandle(request.platform, request.handle);
    if (!handle.ok) throw new BadRequestException([`handle: ${handle.message}`]);
    const given =
      request.externalId === undefined ? null : this.personId(request.platform, request.externalId);
    // Before the platform is asked: a ward or council that does not exist is the admin's first answer.
    const place = await this.placeOf(request);
    const profile = await this.lookUp(request.platform, handle.handle);
    const found = personIdOf(request.platform, profile) ?? profile.externalId;
    if (given !== null && given !== found) {
      throw new UnprocessableEntityException(
        `${handle.handle} is ${found} on ${request.platform}, not ${given}: leave externalId out to use the id the platform gives`,
      );
    }
    return this.insert({ ...request, handle: handle.handle }, place, found);
  }

  /** Registers an organisation whose platform id the caller has looked up (the civic import). */
  async register(request: RegisterCivicAccountRequest & { externalId: string }): Promise<CivicAccountView> {
    const person = this.personId(request.platform, request.externalId);
    return this.insert(request, await this.placeOf(request), person);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.accounts.remove(id))) throw new NotFoundException(`No civic account has the id ${id}`);
  }

  /** Stores the organisation under its person id, pseudonymised as collection identifies followers and authors. */
  private async insert(
    request: RegisterCivicAccountRequest,
    place: { councilId: string; wardId: string | null },
    person: string,
  ): Promise<CivicAccountView> {
    try {
      const id = await this.accounts.insert({
        ...place,
        name: request.name,
        platform: request.platform,
        handle: request.handle,
        externalId: person,
        pseudonym: pseudonymise(this.secret, request.platform, person),
      });
      const [view] = await this.accounts.list({ id });
      return view;
    } catch (error) {
      if (error instanceof DuplicateCivicAccountError) throw new ConflictException(error.message);
      if (error instanceof ErasedCivicAccountError) throw new ErasedAccountException(error.message);
      throw error;
    }
  }

  private personId(platform: Platform, externalId: string): string {
    const person = personIdFromRequest(platform, externalId);
    if (!person.ok) throw new BadRequestException([`externalId: ${person.message}`]);
    return person.id;
  }

  /** The account behind a handle on its platform; what stops the lookup, as the answer an admin can act on. */
  private async lookUp(platform: Platform, handle: string): Promise<CollectedProfile> {
    const { collectors } = await this.collectorSets.create();
    try {
      return await collectors[platform].fetchProfile({ handle });
    } catch (error) {
      if (error instanceof MalformedPayloadError && error.path === 'handle') {
        throw new BadRequestException([`handle: ${error.detail}`]);
      }
      // A profile the platform itself refuses in its per-item errors (X: a protected account) is no
      // public account; any other answer that cannot be read is the platform's fault, not the admin's.
      if (
        error instanceof AccountGoneError ||
        (error instanceof MalformedPayloadError && error.path === 'errors')
      ) {
        throw new NotFoundException(
          `${platform} has no public account ${handle} to register: ${error.message}`,
        );
      }
      if (error instanceof MalformedPayloadError) {
        throw new BadGatewayException(
          `${platform} answered the lookup of ${handle} in a form wardreach does not understand (${error.message}); nothing was registered`,
        );
      }
      if (error instanceof UnauthorisedError) {
        throw new ServiceUnavailableException(
          `${platform} accounts cannot be looked up here: ${error.message} (set its credentials first)`,
        );
      }
      if (error instanceof RateLimitedError || error instanceof TransientError) {
        throw new ServiceUnavailableException(
          `${platform} could not be asked about ${handle} just now: ${error.message}; try again`,
        );
      }
      throw error;
    }
  }

  /** The ward decides the council; an organisation of the whole council names its council (or the only one). */
  private async placeOf(
    request: RegisterCivicAccountRequest,
  ): Promise<{ councilId: string; wardId: string | null }> {
    if (request.ward !== null) {
      const ward = await this.accounts.wardByCode(request.ward);
      if (ward === null) throw new NotFoundException(`No ward has the code ${request.ward}`);
      const council = request.council === undefined ? null : await this.roster.council(request.council);
      if (request.council !== undefined && council === null) {
        throw new NotFoundException(`No council has the code ${request.council}`);
      }
      if (council !== null && council.id !== ward.councilId) {
        throw new BadRequestException([`ward ${request.ward} is not in council ${request.council}`]);
      }
      return { councilId: ward.councilId, wardId: ward.id };
    }
    const council = await this.roster.council(request.council ?? null);
    if (council === null) {
      throw new NotFoundException(
        request.council === undefined
          ? 'No council has been set up yet.'
          : `No council has the code ${request.council}`,
      );
    }
    return { councilId: council.id, wardId: null };
  }
}
