// Ask for persistent storage so the browser does not evict notes under pressure.
export type PersistState = 'granted' | 'denied' | 'unsupported';

export async function requestPersistence(): Promise<PersistState> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
