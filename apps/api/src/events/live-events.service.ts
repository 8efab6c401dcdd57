import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { LiveEvent } from '@wardreach/contracts';
import type { Redis } from 'ioredis';
import { Observable, Subject } from 'rxjs';
import { LIVE_EVENTS_CHANNEL } from '../queue/queue.constants';
import { RedisConnections } from '../redis/redis.module';

/**
 * Live events cross processes through Redis pub/sub: the worker publishes when a collection
 * finishes, every API process forwards them to its Server-Sent Events clients.
 */
@Injectable()
export class LiveEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LiveEventsService.name);
  private readonly events = new Subject<LiveEvent>();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;

  private readonly channel: string;

  constructor(
    private readonly redis: RedisConnections,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.QUEUE_PREFIX}:${LIVE_EVENTS_CHANNEL}`;
  }

  onModuleInit(): void {
    this.publisher = this.redis.open('events:publish');
  }

  /** Starts listening (API process only). */
  async listen(): Promise<void> {
    if (this.subscriber) return;
    this.subscriber = this.redis.open('events:subscribe');
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.events.next(JSON.parse(message) as LiveEvent);
      } catch (error) {
        this.logger.warn(`ignored a malformed live event: ${String(error)}`);
      }
    });
    await this.subscriber.subscribe(this.channel);
  }

  get stream(): Observable<LiveEvent> {
    return this.events.asObservable();
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.publisher?.publish(this.channel, JSON.stringify(event));
  }

  onApplicationShutdown(): void {
    this.events.complete();
  }
}
