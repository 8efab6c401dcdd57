import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('ward')
export class WardEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'council_id' }) councilId!: string;
  /** ONS ward code, `E05…`. */
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('integer', { nullable: true }) adults!: number | null;
  @Column('jsonb', { nullable: true }) geometry!: unknown;
}
