// Export and import controls shared by the notes and options pages.
import { useState } from 'preact/hooks';
import type { ImportReport, Repository } from '../../db';
import { MAX_IMPORT_BYTES, parseJsonLd, type ExportFormat, type Skipped } from '../../export';
import { downloadBundle } from './download';
import { t } from './i18n';

export const FORMATS: ExportFormat[] = ['jsonld', 'markdown', 'csv', 'csl', 'entities'];

export function FormatSelect({ value, onChange }: { value: ExportFormat; onChange: (f: ExportFormat) => void }) {
  return (
    <label>
      <span>{t('exportFormat')} </span>
      <select data-testid="export-format" value={value} onChange={(e) => onChange(e.currentTarget.value as ExportFormat)}>
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`format_${f}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface ImportOutcome {
  fileError?: string;
  report?: ImportReport;
  invalid: Skipped[];
}

/** Reads, validates (nothing written on a bad file) and merges an export file. */
export async function importFile(repo: Repository, file: File): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return { fileError: t('importTooLarge'), invalid: [] };
  const parsed = parseJsonLd(await file.text());
  if (!parsed.ok) return { fileError: parsed.error, invalid: [] };
  const report = await repo.importBundle(parsed.value.bundle);
  return { report, invalid: parsed.value.skipped };
}

export function ImportReportView({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.fileError) {
    return (
      <div class="banner" role="alert" data-testid="import-error">
        {t('importRejected', outcome.fileError)}
      </div>
    );
  }
  const r = outcome.report!;
  return (
    <div class="info" role="status" data-testid="import-report">
      <p data-testid="import-summary">{t('importSummary', r.added.length, r.updated.length, r.skipped.length + outcome.invalid.length)}</p>
      {(r.skipped.length > 0 || outcome.invalid.length > 0) && (
        <details>
          <summary>{t('importSkippedDetails')}</summary>
          <ul>
            {r.skipped.map((s) => (
              <li key={s.id}>
                {s.id}: {s.reason}
              </li>
            ))}
            {outcome.invalid.map((s) => (
              <li key={`${s.kind}-${s.index}`}>
                {s.kind} #{s.index + 1} {s.id ?? ''}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function ImportControl({ repo, onDone, report }: { repo: Repository; onDone?: () => void; report: (e: unknown) => void }) {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  return (
    <div>
      <label>
        <span>{t('importLabel')} </span>
        <input
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          data-testid="import-file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!file) return;
            try {
              setOutcome(await importFile(repo, file));
              onDone?.();
            } catch (err) {
              report(err);
            }
          }}
        />
      </label>
      {outcome && <ImportReportView outcome={outcome} />}
    </div>
  );
}

export async function exportTo(repo: Repository, format: ExportFormat, ids?: readonly string[]): Promise<string> {
  return downloadBundle(format, await repo.exportBundle(ids));
}
