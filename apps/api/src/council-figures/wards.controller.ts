import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { WardDetail, WardListResponse } from '@wardreach/contracts';
import { parseWardCode } from './view-queries';
import { WardViewsService } from './ward-views.service';

@ApiTags('wards')
@Controller('wards')
export class WardsController {
  constructor(private readonly wards: WardViewsService) {}

  @Get()
  @ApiOperation({
    summary: 'Every ward with its councillors, distinct ward followers, adults and penetration.',
  })
  @ApiOkResponse({ description: 'WardListResponse' })
  list(): Promise<WardListResponse> {
    return this.wards.list();
  }

  @Get(':code')
  @ApiOperation({
    summary: 'One ward: reach, its civic network (residents never named) and suggested connections.',
  })
  @ApiParam({ name: 'code', description: 'ONS ward code, e.g. E05011000' })
  @ApiOkResponse({ description: 'WardDetail' })
  @ApiBadRequestResponse({ description: 'Not an ONS ward code.' })
  @ApiNotFoundResponse({ description: 'No ward has that code.' })
  detail(@Param('code') code: string): Promise<WardDetail> {
    return this.wards.detail(parseWardCode(code));
  }
}
