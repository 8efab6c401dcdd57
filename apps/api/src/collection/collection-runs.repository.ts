import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CollectionRunEntity, CollectionRunStatus } from './collection-run.entity';

@Injectable()
export class CollectionRunsRepository {
  constructor(
    @InjectRepository(CollectionRunEntity) private readonly runs: Repository<CollectionRunEntity>,
  ) {}

  async start(params: { accountId: string; jobId: string | null; at: Date }): Promise<string> {
    // A run left 'running' by a killed worker is closed as abandoned when its job is taken up again.
    await this.runs.update(
      { accountId: params.accountId, status: 'running' },
      {
        status: 'abandoned',
        finishedAt: params.at,
        error: 'the worker stopped during this run; the job was taken up again',
      },
    );
    const inserted = await this.runs.insert({
      accountId: params.accountId,
      jobId: params.jobId,
      startedAt: params.at,
      status: 'running',
      requests: 0,
      items: 0,
    });
    return String((inserted.identifiers[0] as { id: string | number }).id);
  }

  async finish(params: {
    id: string;
    at: Date;
    status: Exclude<CollectionRunStatus, 'running'>;
    requests: number;
    items: number;
    error?: string;
  }): Promise<void> {
    await this.runs.update(
      { id: params.id },
      {
        finishedAt: params.at,
        status: params.status,
        requests: params.requests,
        items: params.items,
        error: params.error?.slice(0, 2000) ?? null,
      },
    );
  }
}
