import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('councillor')
export class CouncillorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'council_id' }) councilId!: string;
  @Column('uuid', { name: 'ward_id' }) wardId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) party!: string | null;
}
