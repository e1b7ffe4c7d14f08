// Storage failures as a kind the UI can explain. Nothing here swallows an error.

export type StorageErrorKind = 'quota' | 'blocked' | 'version' | 'closed' | 'invalid' | 'unavailable' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** i18n key (public/_locales) for each kind. */
export const STORAGE_MESSAGE_KEY: Record<StorageErrorKind, string> = {
  quota: 'errStorageQuota',
  blocked: 'errStorageBlocked',
  version: 'errStorageVersion',
  closed: 'errStorageClosed',
  invalid: 'errStorageInvalid',
  unavailable: 'errStorageUnavailable',
  unknown: 'errStorageUnknown',
};

function names(e: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const c = cur as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof c.name === 'string') out.push(c.name);
    cur = c.inner ?? c.cause;
  }
  return out;
}

export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const n = names(e);
  const msg = e instanceof Error ? e.message : String(e);
  if (n.includes('QuotaExceededError') || /quota/i.test(msg)) return new StorageError('quota', msg, e);
  if (n.includes('VersionError')) return new StorageError('version', msg, e);
  if (n.includes('DatabaseClosedError')) return new StorageError('closed', msg, e);
  if (n.includes('MissingAPIError') || n.includes('InvalidAccessError')) return new StorageError('unavailable', msg, e);
  if (n.includes('DataError') || n.includes('ConstraintError') || n.includes('DataCloneError')) {
    return new StorageError('invalid', msg, e);
  }
  return new StorageError('unknown', msg, e);
}
