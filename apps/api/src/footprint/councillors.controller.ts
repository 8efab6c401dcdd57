import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CouncilOverview, CouncillorFootprint, CouncillorListResponse } from '@wardreach/contracts';
import { FootprintService } from './footprint.service';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { parseNoQuery } from '../council-figures/view-queries';

@ApiTags('footprint')
@Controller()
export class CouncillorsController {
  constructor(private readonly footprints: FootprintService) {}

  @Get('councillors')
  @ApiOperation({ summary: 'Every councillor with their headline figures.' })
  @ApiOkResponse({ description: 'CouncillorListResponse' })
  @ApiBadRequestResponse({ description: 'A query parameter was given: the list takes none.' })
  list(@Query() query: Record<string, unknown>): Promise<CouncillorListResponse> {
    parseNoQuery(query);
    return this.footprints.list();
  }

  @Get('councillors/:id/footprint')
  @ApiOperation({ summary: "One councillor's footprint: per platform, with daily series from snapshots." })
  @ApiOkResponse({ description: 'CouncillorFootprint' })
  @ApiNotFoundResponse({ description: 'No councillor has that id.' })
  footprint(
    @Param('id', new UuidParamPipe('councillor')) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<CouncillorFootprint> {
    parseNoQuery(query);
    return this.footprints.footprint(id);
  }

  @Get('council/overview')
  @ApiOperation({
    summary: 'The council at a glance, with the anonymised medians councillors compare against.',
  })
  @ApiOkResponse({ description: 'CouncilOverview' })
  overview(@Query() query: Record<string, unknown>): Promise<CouncilOverview> {
    parseNoQuery(query);
    return this.footprints.overview();
  }
}
