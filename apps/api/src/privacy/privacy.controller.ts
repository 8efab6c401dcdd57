import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PLATFORMS } from '@wardreach/collectors';
import { PersonRecord } from './privacy.repository';
import { PrivacyService } from './privacy.service';

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

  @ApiPropertyOptional({ description: "The account's platform id (a DID, a numeric id), when known." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  externalId?: string;
}

/** Subject-access and erasure requests from residents, handled by the council's admin. */
@ApiTags('admin')
@Controller('admin/privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Post('export')
  @HttpCode(200)
  @ApiOperation({ summary: 'Everything held about one platform account (subject access).' })
  @ApiOkResponse({ description: 'PersonRecord' })
  export(@Body() body: PersonRequest): Promise<PersonRecord & { platform: string }> {
    return this.privacy.export(body);
  }

  @Post('erase')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erases everything held about one platform account, and never stores it again.' })
  erase(@Body() body: PersonRequest): Promise<{ followers: number; interactions: number }> {
    return this.privacy.erase(body);
  }
}
