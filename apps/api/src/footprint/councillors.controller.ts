import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CouncilOverview, CouncillorFootprint, CouncillorListResponse } from '@wardreach/contracts';
import { FootprintService } from './footprint.service';
import { UuidParamPipe } from '../common/uuid-param.pipe';

@ApiTags('footprint')
@Controller()
export class CouncillorsController {
  constructor(private readonly footprints: FootprintService) {}

  @Get('councillors')
  @ApiOperation({ summary: 'Every councillor with their headline figures.' })
  @ApiOkResponse({ description: 'CouncillorListResponse' })
  list(): Promise<CouncillorListResponse> {
    return this.footprints.list();
  }

  @Get('councillors/:id/footprint')
  @ApiOperation({ summary: "One councillor's footprint: per platform, with daily series from snapshots." })
  @ApiOkResponse({ description: 'CouncillorFootprint' })
  @ApiNotFoundResponse({ description: 'No councillor has that id.' })
  footprint(@Param('id', new UuidParamPipe('councillor')) id: string): Promise<CouncillorFootprint> {
    return this.footprints.footprint(id);
  }

  @Get('council/overview')
  @ApiOperation({
    summary: 'The council at a glance, with the anonymised medians councillors compare against.',
  })
  @ApiOkResponse({ description: 'CouncilOverview' })
  overview(): Promise<CouncilOverview> {
    return this.footprints.overview();
  }
}
