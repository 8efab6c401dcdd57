import { Controller, MessageEvent, OnModuleInit, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable, interval, map, merge } from 'rxjs';
import { LiveEventsService } from './live-events.service';

@ApiTags('live')
@Controller('events')
export class EventsController implements OnModuleInit {
  constructor(private readonly events: LiveEventsService) {}

  async onModuleInit(): Promise<void> {
    await this.events.listen();
  }

  @Sse()
  @ApiOperation({
    summary: 'Server-Sent Events: each finished collection and figure update (`event:` is the type).',
  })
  @ApiOkResponse({ description: 'text/event-stream' })
  stream(): Observable<MessageEvent> {
    const events = this.events.stream.pipe(map((event): MessageEvent => ({ type: event.type, data: event })));
    // A comment-like heartbeat keeps proxies from closing an idle stream.
    const heartbeat = interval(25_000).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: { at: new Date().toISOString() } })),
    );
    return merge(events, heartbeat);
  }
}
