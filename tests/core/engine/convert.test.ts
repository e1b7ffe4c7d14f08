import { describe, expect, it } from 'vitest';
import { looksTraditional, toSimplified } from '../../../src/core/convert';

describe('convert', () => {
  it('detects traditional text cheaply and leaves simplified alone', () => {
    expect(looksTraditional('市政協黨組書記、主席主持會議')).toBe(true);
    expect(looksTraditional('市政协党组书记、主席主持会议')).toBe(false);
  });

  it('converts to simplified with the same length', () => {
    const t = '市政協黨組書記、主席王毅主持會議。這個著作裡面';
    const s = toSimplified(t);
    expect(s.length).toBe(t.length);
    expect(s.startsWith('市政协党组书记、主席王毅主持会议。')).toBe(true);
  });

  it('supports the tw and hk variants', () => {
    expect(toSimplified('臺灣協會', 'tw')).toBe('台湾协会');
    expect(toSimplified('香港會議', 'hk')).toBe('香港会议');
  });
});
