import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { CivicAccountListResponse, CivicAccountView } from '@wardreach/contracts';
import { parseRegisterCivicAccount } from './civic-account-request';
import { CivicAccountsService } from './civic-accounts.service';
import { UuidParamPipe } from '../common/uuid-param.pipe';

@ApiTags('admin')
@Controller('civic-accounts')
export class CivicAccountsController {
  constructor(private readonly civic: CivicAccountsService) {}

  @Get()
  @ApiOperation({ summary: 'The civic organisations registered for the ward networks.' })
  @ApiOkResponse({ description: 'CivicAccountListResponse' })
  list(): Promise<CivicAccountListResponse> {
    return this.civic.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Registers a civic organisation (named in ward networks and suggested connections).',
  })
  @ApiBody({
    description: 'RegisterCivicAccountRequest',
    schema: {
      type: 'object',
      required: ['ward', 'name', 'platform', 'handle'],
      properties: {
        council: {
          type: 'string',
          example: 'E08000034',
          description: 'Needed only for a council-wide organisation when there are several councils.',
        },
        ward: {
          type: 'string',
          nullable: true,
          example: 'E05011000',
          description: 'Null for an organisation of the whole council.',
        },
        name: { type: 'string', example: 'Holmfirth Library' },
        platform: { type: 'string', enum: ['bluesky', 'mastodon', 'rss', 'x', 'facebook', 'youtube'] },
        handle: { type: 'string', example: 'holmfirthlibrary.bsky.social' },
        externalId: {
          type: 'string',
          example: 'did:plc:abc123',
          description:
            "Optional: the handle is looked up on its platform, and an id given here must be the one found. The account's id on the platform: a DID on Bluesky; the numeric id on X and Facebook; the channel id (UC…) on YouTube; user@instance on Mastodon (its numeric id differs on every instance); the feed URL for RSS/Atom.",
        },
      },
    },
  })
  @ApiCreatedResponse({ description: 'CivicAccountView' })
  @ApiBadRequestResponse({ description: 'A missing or malformed field.' })
  @ApiNotFoundResponse({ description: 'No such ward or council, or no public account with that handle.' })
  @ApiUnprocessableEntityResponse({
    description: 'The id given is not the one the platform gives the handle.',
  })
  @ApiServiceUnavailableResponse({
    description: 'The platform could not be asked (no credentials, a rate limit).',
  })
  @ApiConflictResponse({ description: 'That platform account is already registered in the council.' })
  register(@Body() body: Record<string, unknown>): Promise<CivicAccountView> {
    return this.civic.registerByHandle(parseRegisterCivicAccount(body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a civic organisation from the ward networks.' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: 'No civic account has that id.' })
  remove(@Param('id', new UuidParamPipe('civic account')) id: string): Promise<void> {
    return this.civic.remove(id);
  }
}
