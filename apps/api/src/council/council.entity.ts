import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('council')
export class CouncilEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  /** The council's own web domains, for the "links to council content" share. */
  @Column('text', { array: true, name: 'web_domains' }) webDomains!: string[];
  @Column('jsonb') settings!: Record<string, unknown>;
}
