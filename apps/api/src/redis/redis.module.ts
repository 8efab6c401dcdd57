import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** Opens Redis connections from the one configured URL, and closes them all at shutdown. */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly opened: Redis[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** BullMQ workers and subscribers need `maxRetriesPerRequest: null` (blocking commands). */
  open(purpose: string): Redis {
    const client = new Redis(this.config.REDIS_URL, {
      maxRetriesPerRequest: null,
      connectionName: `wardreach:${purpose}`,
    });
    client.on('error', () => undefined);
    this.opened.push(client);
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.opened.map((client) => client.quit().catch(() => client.disconnect())));
  }
}

@Global()
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class RedisModule {}

export const InjectRedis = () => Inject(RedisConnections);
