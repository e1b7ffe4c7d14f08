// Downloads from extension pages without the downloads permission.
import { FORMAT_FILES, serialize, type ExportBundle, type ExportFormat } from '../../export';

export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Let the download start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportFilename(format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `bulletin-lens-${stamp}.${FORMAT_FILES[format].ext}`;
}

export function downloadBundle(format: ExportFormat, bundle: ExportBundle): string {
  const name = exportFilename(format);
  downloadText(name, serialize(format, bundle), FORMAT_FILES[format].mime);
  return name;
}
