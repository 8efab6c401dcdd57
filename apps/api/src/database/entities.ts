import { PlatformAccountEntity } from '../accounts/platform-account.entity';
import { CollectionRunEntity } from '../collection/collection-run.entity';
import { CouncilEntity } from '../council/council.entity';
import { CouncillorEntity } from '../council/councillor.entity';
import { WardEntity } from '../council/ward.entity';
import { AccountSnapshotEntity } from '../figures/account-snapshot.entity';

/** Every entity, for the DataSource. Posts, followers and edges are written in bulk by SQL, not entities. */
export const ENTITIES = [
  CouncilEntity,
  WardEntity,
  CouncillorEntity,
  PlatformAccountEntity,
  CollectionRunEntity,
  AccountSnapshotEntity,
];
