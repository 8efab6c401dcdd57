import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CollectionStatusResponse } from '@wardreach/contracts';
import { CollectionStatusService } from './collection-status.service';
import { UuidParamPipe } from '../common/uuid-param.pipe';

@ApiTags('admin')
@Controller('admin/collection')
export class CollectionStatusController {
  constructor(private readonly status: CollectionStatusService) {}

  @Get()
  @ApiOperation({
    summary:
      'Every account: when it was last collected, what happened, when it is next due; queues; X spending.',
  })
  @ApiOkResponse({ description: 'CollectionStatusResponse' })
  get(): Promise<CollectionStatusResponse> {
    return this.status.status();
  }

  @Post('accounts/:id/resume')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Puts an account flagged gone, unauthorised, failing or paused back in the plan, due now (resumed: false if it was not flagged).',
  })
  @ApiOkResponse({ description: '{ id, resumed }' })
  resume(@Param('id', new UuidParamPipe('account')) id: string): Promise<{ id: string; resumed: boolean }> {
    return this.status.resume(id);
  }
}
