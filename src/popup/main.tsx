import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { db } from '../db';
import type { Annotation, PageSummary } from '../shared/annotation';
import { sendToTab } from '../shared/messages';
import { targetTabId } from '../shared/tabs';

function Popup() {
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<Annotation | null>(null);
  useEffect(() => {
    void (async () => {
      const tab = await targetTabId();
      if (tab === undefined) return setError('No active tab');
      const res = await sendToTab(tab, { type: 'summary:get' });
      if (!res.ok) return setError(res.error);
      setSummary(res.value);
      const existing = await db.annotations.where('source').equals(res.value.url).first();
      if (existing) {
        setSaved(existing);
        setNote(existing.body.note);
      }
    })();
  }, []);
  if (error) return <p data-testid="popup-error">{error}</p>;
  if (!summary) return <p>…</p>;
  const save = async () => {
    const now = new Date().toISOString();
    const a: Annotation = {
      id: saved?.id ?? `urn:uuid:${crypto.randomUUID()}`,
      target: { source: summary.url, selector: [], article: null, title: summary.title },
      body: { note, tags: [], colour: 'yellow' },
      motivation: 'commenting',
      created: saved?.created ?? now,
      modified: now,
    };
    await db.annotations.put({ ...a, source: summary.url });
    setSaved(a);
  };
  return (
    <main data-testid="popup">
      <h1 data-testid="page-title">{summary.title}</h1>
      <p data-testid="article-count">{summary.articles.length}</p>
      <textarea data-testid="page-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <button data-testid="page-note-save" onClick={save}>
        Save
      </button>
      {saved && <p data-testid="page-note-saved">{saved.modified}</p>}
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
