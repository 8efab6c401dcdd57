import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type {
  CouncilOverlapResponse,
  CouncillorIndexResponse,
  IndexDistributionResponse,
} from '@wardreach/contracts';
import { CouncilViewsService } from './council-views.service';
import { parseCouncilQuery, parseOverlapQuery } from './view-queries';
import { UuidParamPipe } from '../common/uuid-param.pipe';

@ApiTags('council')
@Controller()
export class CouncilFiguresController {
  constructor(private readonly council: CouncilViewsService) {}

  @Get('council/overlap')
  @ApiOperation({ summary: 'Pairs of councillors sharing followers, largest Jaccard index first.' })
  @ApiQuery({
    name: 'council',
    required: false,
    description: 'ONS council code; the first council by default.',
  })
  @ApiQuery({ name: 'limit', required: false, description: 'How many pairs (1–200, default 20).' })
  @ApiOkResponse({ description: 'CouncilOverlapResponse' })
  @ApiBadRequestResponse({ description: 'A bad query parameter.' })
  @ApiNotFoundResponse({ description: 'No such council.' })
  overlap(@Query() query: Record<string, unknown>): Promise<CouncilOverlapResponse> {
    return this.council.overlap(parseOverlapQuery(query));
  }

  @Get('council/index-distribution')
  @ApiOperation({
    summary: "Distribution of the footprint index across the council's councillors, and the council medians.",
  })
  @ApiQuery({
    name: 'council',
    required: false,
    description: 'ONS council code; the first council by default.',
  })
  @ApiOkResponse({ description: 'IndexDistributionResponse' })
  @ApiBadRequestResponse({ description: 'A bad query parameter.' })
  @ApiNotFoundResponse({ description: 'No such council.' })
  indexDistribution(@Query() query: Record<string, unknown>): Promise<IndexDistributionResponse> {
    return this.council.indexDistribution(parseCouncilQuery(query));
  }

  @Get('councillors/:id/index')
  @ApiOperation({ summary: "A councillor's footprint index with its components and weights." })
  @ApiOkResponse({ description: 'CouncillorIndexResponse' })
  @ApiBadRequestResponse({ description: 'Not a UUID.' })
  @ApiNotFoundResponse({ description: 'No councillor has that id, or no figures yet.' })
  index(@Param('id', new UuidParamPipe('councillor')) id: string): Promise<CouncillorIndexResponse> {
    return this.council.councillorIndex(id);
  }
}
