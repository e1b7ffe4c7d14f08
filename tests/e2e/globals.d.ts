// The few chrome.* calls E2E tests evaluate inside the service worker.
declare const chrome: {
  runtime: { id: string; getManifest(): { manifest_version: number; name: string; version: string } };
  tabs: { query(q: Record<string, unknown>): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  scripting: {
    executeScript<T>(o: { target: { tabId: number }; func: () => T }): Promise<{ result: T }[]>;
  };
};
