import { Body, Catch, Controller, HttpCode, Post, UseFilters, applyDecorators } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PLATFORMS } from '@wardreach/collectors';
import { PersonRecord } from './privacy.repository';
import type { ErasureCounts } from './privacy.repository';
import { PlatformUnavailableException, PrivacyService } from './privacy.service';

export class PersonRequest {
  @ApiProperty({ enum: PLATFORMS })
  @IsIn(PLATFORMS)
  platform!: string;

  @ApiPropertyOptional({ description: "The account's handle, resolved on its platform." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  handle?: string;

  @ApiPropertyOptional({
    description:
      "The account's platform id, when known, as collection stores people: a DID (did:plc:… or did:web:…) on Bluesky, user@instance on Mastodon, the numeric user id on X and Facebook, the channel id (UC…) on YouTube. RSS holds no one.",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  externalId?: string;
}

/** The 503 of a platform that cannot answer now, with `Retry-After` when the platform said when. */
@Catch(PlatformUnavailableException)
export class RetryAfterFilter implements ExceptionFilter<PlatformUnavailableException> {
  catch(exception: PlatformUnavailableException, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<{
      header(name: string, value: string): unknown;
      status(code: number): { send(body: unknown): unknown };
    }>();
    if (exception.retryAfterSeconds !== null)
      reply.header('Retry-After', String(exception.retryAfterSeconds));
    reply.status(exception.getStatus()).send(exception.getResponse());
  }
}

/** The answers of a request whose account cannot be named or looked up. */
const RefusalResponses = () =>
  applyDecorators(
    ApiResponse({
      status: 400,
      description: 'No account named, or an id or handle not in the form the platform uses.',
    }),
    ApiResponse({
      status: 404,
      description:
        'The handle names no account now (deleted, suspended, renamed, moved): give the platform id.',
    }),
    ApiResponse({
      status: 502,
      description: 'The platform answered the lookup in a form wardreach does not read.',
    }),
    ApiResponse({
      status: 503,
      description:
        'The platform cannot look the handle up now: its credentials are not set or refused, its rate limit is spent (Retry-After), or it is unreachable.',
    }),
  );

/** Subject-access and erasure requests from residents, handled by the council's admin. */
@ApiTags('admin')
@Controller('admin/privacy')
@UseFilters(new RetryAfterFilter())
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Post('export')
  @HttpCode(200)
  @ApiOperation({ summary: 'Everything held about one platform account (subject access).' })
  @ApiOkResponse({ description: 'PersonRecord' })
  @RefusalResponses()
  export(@Body() body: PersonRequest): Promise<PersonRecord & { platform: string }> {
    return this.privacy.export(body);
  }

  @Post('erase')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erases everything held about one platform account, and never stores it again.' })
  @RefusalResponses()
  erase(@Body() body: PersonRequest): Promise<ErasureCounts> {
    return this.privacy.erase(body);
  }
}
