import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type {
  CivicAccountListResponse,
  CivicAccountView,
  RegisterCivicAccountRequest,
} from '@wardreach/contracts';
import { personIdFromRequest } from '@wardreach/collectors';
import { pseudonymise } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import { CivicAccountsRepository, DuplicateCivicAccountError } from './civic-accounts.repository';
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
  ) {}

  async list(): Promise<CivicAccountListResponse> {
    const items = await this.accounts.list();
    return { items, total: items.length };
  }

  async register(request: RegisterCivicAccountRequest): Promise<CivicAccountView> {
    // Pseudonymised as collection identifies followers and authors (Mastodon: user@domain).
    const person = personIdFromRequest(request.platform, request.externalId);
    if (!person.ok) throw new BadRequestException([`externalId: ${person.message}`]);
    const place = await this.placeOf(request);
    try {
      const id = await this.accounts.insert({
        ...place,
        name: request.name,
        platform: request.platform,
        handle: request.handle,
        externalId: person.id,
        pseudonym: pseudonymise(this.secret, request.platform, person.id),
      });
      const [view] = await this.accounts.list({ id });
      return view;
    } catch (error) {
      if (error instanceof DuplicateCivicAccountError) throw new ConflictException(error.message);
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    if (!(await this.accounts.remove(id))) throw new NotFoundException(`No civic account has the id ${id}`);
  }

  /** The ward decides the council; an organisation of the whole council names its council (or the only one). */
  private async placeOf(
    request: RegisterCivicAccountRequest,
  ): Promise<{ councilId: string; wardId: string | null }> {
    if (request.ward !== null) {
      const ward = await this.accounts.wardByCode(request.ward);
      if (ward === null) throw new NotFoundException(`No ward has the code ${request.ward}`);
      const council = request.council === undefined ? null : await this.roster.council(request.council);
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
