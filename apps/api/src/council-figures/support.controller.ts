import { applyDecorators, Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { SUPPORT_FLAG_KEYS } from '@wardreach/contracts';
import type { SupportResponse } from '@wardreach/contracts';
import { SupportViewsService } from './support-views.service';
import { parseSupportQuery } from './view-queries';

/** The support table's filters (`parseSupportQuery`), for the table and its CSV alike. */
function SupportFilterQueries(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'flag',
      required: false,
      enum: SUPPORT_FLAG_KEYS,
      description: 'Only councillors raising this flag.',
    }),
    ApiQuery({ name: 'ward', required: false, description: 'Only councillors of this ward (ONS code).' }),
    ApiQuery({ name: 'party', required: false, description: 'Only councillors of this party.' }),
    ApiQuery({
      name: 'noParty',
      required: false,
      enum: ['true'],
      description: 'Only councillors without a party.',
    }),
  );
}

@ApiTags('support')
@Controller()
export class SupportController {
  constructor(private readonly support: SupportViewsService) {}

  @Get('support')
  @ApiOperation({ summary: 'Every councillor with figures, footprint index and support flags with reasons.' })
  @SupportFilterQueries()
  @ApiOkResponse({ description: 'SupportResponse' })
  @ApiBadRequestResponse({ description: 'Unknown flag or query parameter.' })
  list(@Query() query: Record<string, unknown>): Promise<SupportResponse> {
    return this.support.list(parseSupportQuery(query));
  }

  @Get('support.csv')
  @ApiOperation({ summary: 'The support table as CSV.' })
  @SupportFilterQueries()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, one row per councillor, flags and reasons included.' })
  @ApiBadRequestResponse({ description: 'Unknown flag or query parameter.' })
  async csv(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: { header(name: string, value: string): unknown },
  ): Promise<string> {
    const body = await this.support.csv(parseSupportQuery(query));
    // Only a CSV is a file to save: a refused query is answered in JSON, and a browser shows it.
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', 'attachment; filename="support.csv"');
    return body;
  }
}
