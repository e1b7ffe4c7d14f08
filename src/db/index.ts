// The extension's database: one lazily opened Repository per extension page or worker.
import type { DexieOptions } from 'dexie';
import { Repository, type RepositoryOptions } from './repo';
import { BulletinDb, DB_NAME } from './schema';

export { BulletinDb, DB_NAME, SCHEMA_V2, fromRow, toRow } from './schema';
export type { AnnotationRow, ArticleRow, PageRow, TagRow } from './schema';
export { Repository } from './repo';
export type { RepositoryOptions, ImportReport, SearchQuery, SearchResult, StoreStats } from './repo';
export { StorageError, STORAGE_MESSAGE_KEY, toStorageError } from './errors';
export type { StorageErrorKind } from './errors';
export { requestPersistence } from './persist';
export type { PersistState } from './persist';

let shared: Repository | null = null;

export function repo(): Repository {
  shared ??= new Repository(new BulletinDb());
  return shared;
}

/** A repository over its own database (tests, bench). */
export function openRepository(name = DB_NAME, options?: DexieOptions, repoOptions?: RepositoryOptions): Repository {
  return new Repository(new BulletinDb(name, options), repoOptions);
}
