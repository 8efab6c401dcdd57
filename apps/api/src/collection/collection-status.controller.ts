import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CollectionStatusResponse } from '@wardreach/contracts';
import { CollectionStatusService } from './collection-status.service';

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
}
