import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CredentialsService, CredentialView } from './credentials.service';

export class SetCredentialRequest {
  @ApiProperty({
    description:
      'The secret value; stored encrypted and never returned. Surrounding whitespace is dropped; a value ' +
      'with whitespace or a control character inside it (or not in the form of its name) is refused with 400.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  value!: string;
}

@ApiTags('admin')
@Controller('admin/credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @ApiOperation({ summary: 'Which platform credentials are set, and when (values are never returned).' })
  @ApiOkResponse({ description: 'CredentialView[]' })
  list(): Promise<CredentialView[]> {
    return this.credentials.list();
  }

  @Put(':platform/:name')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sets a platform credential (x/bearer_token, facebook/access_token, youtube/api_key, bluesky/service_handle…); ' +
      "the platform's accounts flagged unauthorised are due again.",
  })
  @ApiOkResponse({ description: '{ resumed: number } — accounts flagged unauthorised put back in the plan' })
  set(
    @Param('platform') platform: string,
    @Param('name') name: string,
    @Body() body: SetCredentialRequest,
  ): Promise<{ resumed: number }> {
    return this.credentials.set(platform, name, body.value);
  }

  @Delete(':platform/:name')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('platform') platform: string, @Param('name') name: string): Promise<void> {
    await this.credentials.remove(platform, name);
  }
}
