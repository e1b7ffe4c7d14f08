import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineTable, normalize, type LineTable } from '../../../src/core/normalize';

const rows = (t: LineTable): Array<[number, number]> => Array.from({ length: t.length }, (_, k) => [t.start[k], t.end[k]]);

describe('lineTable', () => {
  // normalize records where the breaks are; lineTable reads them instead of scanning `breaks`
  const cases = [
    '',
    '\n\n',
    '一行',
    '\n开头有换行\n',
    '第一行\n第二行\n\n第三行\n',
    'abc \n def\r\n\r\n中文 \n 文字 12\n34',
    '  \n  前后空白  \n\n  ',
    'a\nb\nc',
    readFileSync(resolve(import.meta.dirname, '../../fixtures/core/composed-bulletin.txt'), 'utf8'),
  ];
  it('gives the same lines from the recorded breaks as from a scan of the break table', () => {
    for (const src of cases) {
      const n = normalize(src);
      expect(rows(lineTable(n))).toEqual(rows(lineTable({ ...n, breakAt: undefined })));
    }
  });
});
