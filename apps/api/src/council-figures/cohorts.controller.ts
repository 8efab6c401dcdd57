import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { CohortListResponse, CohortOutcomesResponse } from '@wardreach/contracts';
import { CohortViewsService } from './cohort-views.service';
import { parseCohortOutcomesQuery } from './view-queries';
import { UuidParamPipe } from '../common/uuid-param.pipe';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortViewsService) {}

  @Get()
  @ApiOperation({ summary: 'Every pilot cohort with its dates and members.' })
  @ApiOkResponse({ description: 'CohortListResponse' })
  list(): Promise<CohortListResponse> {
    return this.cohorts.list();
  }

  @Get(':id/outcomes')
  @ApiOperation({
    summary:
      'Baseline, now and change per figure for the cohort and everyone else, difference-in-differences, weekly series.',
  })
  @ApiQuery({ name: 'aggregate', required: false, enum: ['median', 'mean'] })
  @ApiQuery({
    name: 'weeksBefore',
    required: false,
    description: 'Weeks of series before the start (0–52, default 4).',
  })
  @ApiOkResponse({ description: 'CohortOutcomesResponse' })
  @ApiBadRequestResponse({ description: 'Not a UUID, or a bad query parameter.' })
  @ApiNotFoundResponse({ description: 'No cohort has that id.' })
  outcomes(
    @Param('id', new UuidParamPipe('cohort')) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<CohortOutcomesResponse> {
    return this.cohorts.outcomes(id, parseCohortOutcomesQuery(query));
  }
}
