import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Platform } from '@wardreach/collectors';
import { DataSource } from 'typeorm';

export interface StoredCredential {
  platform: Platform;
  name: string;
  ciphertext: string;
  updatedAt: Date;
}

@Injectable()
export class CredentialsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(): Promise<StoredCredential[]> {
    return this.dataSource.query(
      `SELECT platform, name, ciphertext, updated_at AS "updatedAt" FROM platform_credential ORDER BY platform, name`,
    );
  }

  async put(params: { platform: Platform; name: string; ciphertext: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO platform_credential (platform, name, ciphertext) VALUES ($1, $2, $3)
       ON CONFLICT (platform, name) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = now()`,
      [params.platform, params.name, params.ciphertext],
    );
  }

  async remove(params: { platform: Platform; name: string }): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM platform_credential WHERE platform = $1 AND name = $2`,
      [params.platform, params.name],
    );
    return affected > 0;
  }
}
