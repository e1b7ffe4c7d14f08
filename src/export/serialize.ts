import { serializeCsl } from './csl';
import { toCsv, toEntityTable } from './csv';
import type { ExportFormat } from './index';
import { serializeJsonLd } from './jsonld';
import { toMarkdown } from './markdown';
import type { ExportBundle } from './model';

export function serialize(format: ExportFormat, bundle: ExportBundle): string {
  switch (format) {
    case 'jsonld':
      return serializeJsonLd(bundle);
    case 'markdown':
      return toMarkdown(bundle);
    case 'csv':
      return toCsv(bundle);
    case 'csl':
      return serializeCsl(bundle);
    case 'entities':
      return toEntityTable(bundle);
  }
}
