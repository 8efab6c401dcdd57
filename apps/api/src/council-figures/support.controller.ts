import { Controller, Get, Query, Res } from '@nestjs/common';
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

@ApiTags('support')
@Controller()
export class SupportController {
  constructor(private readonly support: SupportViewsService) {}

  @Get('support')
  @ApiOperation({ summary: 'Every councillor with figures, footprint index and support flags with reasons.' })
  @ApiQuery({
    name: 'flag',
    required: false,
    enum: SUPPORT_FLAG_KEYS,
    description: 'Only councillors raising this flag.',
  })
  @ApiOkResponse({ description: 'SupportResponse' })
  @ApiBadRequestResponse({ description: 'Unknown flag or query parameter.' })
  list(@Query() query: Record<string, unknown>): Promise<SupportResponse> {
    return this.support.list(parseSupportQuery(query).flag);
  }

  @Get('support.csv')
  @ApiOperation({ summary: 'The support table as CSV.' })
  @ApiQuery({ name: 'flag', required: false, enum: SUPPORT_FLAG_KEYS })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, one row per councillor, flags and reasons included.' })
  @ApiBadRequestResponse({ description: 'Unknown flag or query parameter.' })
  async csv(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: { header(name: string, value: string): unknown },
  ): Promise<string> {
    const { flag } = parseSupportQuery(query);
    const body = await this.support.csv(flag);
    // Only a CSV is a file to save: a refused query is answered in JSON, and a browser shows it.
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', 'attachment; filename="support.csv"');
    return body;
  }
}
