import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

import { defaultSettings, enabledTypes, sanitizeSettings, siteEnabled } from '../../src/shared/settings';

describe('settings', () => {
  it('repairs whatever is stored into complete settings', () => {
    const s = sanitizeSettings({
      types: { person: { enabled: false, colour: '#ABCDEF' }, place: { enabled: 'no', colour: 'red' }, bogus: { enabled: false } },
      sites: { 'WWW.Example.com': false, 'a.cn': 'yes', __proto__: { polluted: true } },
    });
    expect(s.types.person).toEqual({ enabled: false, colour: '#abcdef' });
    expect(s.types.place).toEqual(defaultSettings().types.place);
    expect(s.sites).toEqual({ 'example.com': false });
    expect(sanitizeSettings(null)).toEqual(defaultSettings());
    expect(sanitizeSettings('junk')).toEqual(defaultSettings());
    expect(enabledTypes(s)).not.toContain('person');
  });

  it('applies the most specific site rule, covering subdomains', () => {
    const s = { ...defaultSettings(), sites: { 'example.com': false, 'news.example.com': true } };
    expect(siteEnabled(s, 'example.com')).toBe(false);
    expect(siteEnabled(s, 'www.example.com')).toBe(false);
    expect(siteEnabled(s, 'a.b.example.com')).toBe(false);
    expect(siteEnabled(s, 'news.example.com')).toBe(true);
    expect(siteEnabled(s, 'x.news.example.com')).toBe(true);
    expect(siteEnabled(s, 'notexample.com')).toBe(true);
    expect(siteEnabled(s, 'gsrb.com')).toBe(true);
  });
});
