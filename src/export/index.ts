// Pure export/import formats; no DOM, no database (the CLI can reuse them).
export * from './model';
export * from './jsonld';
export * from './markdown';
export * from './csv';
export * from './csl';
export * from './group';
export { checkAnnotation, normaliseTags, LIMITS } from './validate';

export type ExportFormat = 'jsonld' | 'markdown' | 'csv' | 'csl' | 'entities';

export const FORMAT_FILES: Record<ExportFormat, { ext: string; mime: string }> = {
  jsonld: { ext: 'jsonld', mime: 'application/ld+json' },
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8' },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8' },
  csl: { ext: 'csl.json', mime: 'application/vnd.citationstyles.csl+json' },
  entities: { ext: 'entities.csv', mime: 'text/csv;charset=utf-8' },
};
export { serialize } from './serialize';
