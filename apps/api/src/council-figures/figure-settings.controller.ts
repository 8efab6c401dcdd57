import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FigureSettingsResponse } from '@wardreach/contracts';
import { parseUpdateFigureSettings } from './figure-settings-request';
import { FigureSettingsService } from './figure-settings.service';
import { parseCouncilQuery } from './view-queries';

@ApiTags('admin')
@Controller('council/figure-settings')
export class FigureSettingsController {
  constructor(private readonly settings: FigureSettingsService) {}

  @Get()
  @ApiOperation({
    summary: "The council's support-flag thresholds and footprint-index settings, with the defaults.",
  })
  @ApiQuery({
    name: 'council',
    required: false,
    description: 'ONS council code; the first council by default.',
  })
  @ApiOkResponse({ description: 'FigureSettingsResponse' })
  @ApiBadRequestResponse({ description: 'A bad query parameter.' })
  @ApiNotFoundResponse({ description: 'No such council.' })
  get(@Query() query: Record<string, unknown>): Promise<FigureSettingsResponse> {
    return this.settings.get(parseCouncilQuery(query).council);
  }

  @Put()
  @ApiOperation({
    summary:
      'Changes some thresholds or index settings; the rest keep their values. Applies at the next recompute.',
  })
  @ApiQuery({
    name: 'council',
    required: false,
    description: 'ONS council code; the first council by default.',
  })
  @ApiBody({
    description: 'UpdateFigureSettingsRequest: only the settings that change.',
    schema: {
      type: 'object',
      properties: {
        supportThresholds: { type: 'object', example: { minPosts30d: 4, minLocalShare: 0.15 } },
        footprintIndex: {
          type: 'object',
          example: { activityTarget: 20, weights: { reach: 0.3, platformMix: 0.1 } },
        },
      },
    },
  })
  @ApiOkResponse({ description: 'FigureSettingsResponse' })
  @ApiBadRequestResponse({
    description: 'An unknown setting or a value out of range (named in the message).',
  })
  @ApiNotFoundResponse({ description: 'No such council.' })
  update(
    @Query() query: Record<string, unknown>,
    @Body() body: Record<string, unknown>,
  ): Promise<FigureSettingsResponse> {
    return this.settings.update(parseCouncilQuery(query).council, parseUpdateFigureSettings(body));
  }
}
