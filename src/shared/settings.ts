// Reader settings in browser.storage.local, read by the content script and the extension pages.
import browser from 'webextension-polyfill';
import { ENTITY_TYPES, type EntityType } from '../core/types';

export interface TypeSetting {
  enabled: boolean;
  /** CSS colour `#rrggbb`. */
  colour: string;
}

export interface Settings {
  types: Record<EntityType, TypeSetting>;
  /** Hostname (without `www.`) → enabled; a rule covers its subdomains, the longest match wins. */
  sites: Record<string, boolean>;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_COLOURS: Record<EntityType, string> = {
  person: '#f4a261',
  place: '#2a9d8f',
  organization: '#4f7cff',
  position: '#b56cd6',
  date: '#8d99ae',
  policy_term: '#e63946',
};

export function defaultSettings(): Settings {
  const types = {} as Record<EntityType, TypeSetting>;
  for (const t of ENTITY_TYPES) types[t] = { enabled: true, colour: DEFAULT_COLOURS[t] };
  return { types, sites: {} };
}

const HEX = /^#[0-9a-f]{6}$/i;

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

/** Whatever is stored, a complete and well-typed Settings comes out. */
export function sanitizeSettings(raw: unknown): Settings {
  const out = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as { types?: unknown; sites?: unknown };
  if (typeof r.types === 'object' && r.types !== null) {
    for (const t of ENTITY_TYPES) {
      const v = (r.types as Record<string, unknown>)[t];
      if (typeof v !== 'object' || v === null) continue;
      const { enabled, colour } = v as { enabled?: unknown; colour?: unknown };
      if (typeof enabled === 'boolean') out.types[t].enabled = enabled;
      if (typeof colour === 'string' && HEX.test(colour)) out.types[t].colour = colour.toLowerCase();
    }
  }
  if (typeof r.sites === 'object' && r.sites !== null) {
    for (const [host, on] of Object.entries(r.sites as Record<string, unknown>)) {
      const h = normaliseHost(host);
      if (h && h !== '__proto__' && typeof on === 'boolean') out.sites[h] = on;
    }
  }
  return out;
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return sanitizeSettings(got[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: sanitizeSettings(settings) });
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(sanitizeSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Enabled unless a rule for the host or a parent domain says otherwise; the most specific rule wins. */
export function siteEnabled(settings: Settings, hostname: string): boolean {
  const labels = normaliseHost(hostname).split('.');
  for (let i = 0; i < labels.length; i++) {
    const rule = settings.sites[labels.slice(i).join('.')];
    if (rule !== undefined) return rule;
  }
  return true;
}

export function enabledTypes(settings: Settings): EntityType[] {
  return ENTITY_TYPES.filter((t) => settings.types[t].enabled);
}
