// One note: quote, note, tags; edit in place, delete (the caller offers undo), optional jump.
import { useRef, useState } from 'preact/hooks';
import { quoteOf } from '../../export';
import type { Annotation } from '../../shared/annotation';
import { t } from './i18n';

export function parseTags(s: string): string[] {
  return s
    .split(/[,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function NoteItem({
  a,
  onSave,
  onDelete,
  onReveal,
  showPage,
  select,
}: {
  a: Annotation;
  onSave: (a: Annotation) => Promise<void>;
  onDelete: (a: Annotation) => Promise<void>;
  onReveal?: (a: Annotation) => void;
  showPage?: boolean;
  select?: { checked: boolean; onChange: (checked: boolean) => void };
}) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(a.body.note);
  const [tags, setTags] = useState(a.body.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const quote = quoteOf(a);
  const save = async () => {
    setBusy(true);
    try {
      await onSave({ ...a, body: { ...a.body, note, tags: parseTags(tags) }, modified: new Date().toISOString() });
      setEditing(false);
      requestAnimationFrame(() => editRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class={`note colour-${a.body.colour}`} data-testid="note-item" data-id={a.id}>
      {select && (
        <input
          type="checkbox"
          data-testid="note-select"
          aria-label={t('selectNote')}
          checked={select.checked}
          onChange={(e) => select.onChange(e.currentTarget.checked)}
        />
      )}
      <div class="note-main">
        {showPage && (
          <p class="note-page">
            <a href={a.target.source} target="_blank" rel="noopener noreferrer">
              {a.target.title || a.target.source}
            </a>
          </p>
        )}
        {quote !== null ? (
          <blockquote data-testid="note-quote">{quote}</blockquote>
        ) : (
          <p class="page-note-label">{t('pageNoteLabel')}</p>
        )}
        {editing ? (
          <div
            class="note-edit"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(false);
                setNote(a.body.note);
                setTags(a.body.tags.join(', '));
              }
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            }}
          >
            <label>
              <span>{t('noteLabel')}</span>
              <textarea data-testid="note-edit-text" value={note} onInput={(e) => setNote(e.currentTarget.value)} autoFocus />
            </label>
            <label>
              <span>{t('tagsLabel')}</span>
              <input data-testid="note-edit-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
            </label>
            <button type="button" data-testid="note-edit-save" disabled={busy} onClick={save}>
              {t('save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <>
            {a.body.note && <p class="note-text" data-testid="note-text">{a.body.note}</p>}
            {a.body.tags.length > 0 && (
              <p class="tags" data-testid="note-tags">
                {a.body.tags.map((x) => (
                  <span key={x} class="tag">
                    #{x}
                  </span>
                ))}
              </p>
            )}
          </>
        )}
        <p class="note-actions">
          <time dateTime={a.modified}>{a.modified.slice(0, 16).replace('T', ' ')}</time>
          {onReveal && quote !== null && (
            <button type="button" data-testid="note-reveal" onClick={() => onReveal(a)}>
              {t('jump')}
            </button>
          )}
          {!editing && (
            <button type="button" ref={editRef} data-testid="note-edit" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
          )}
          <button type="button" data-testid="note-delete" onClick={() => void onDelete(a)}>
            {t('delete')}
          </button>
        </p>
      </div>
    </li>
  );
}

/** "Deleted — Undo" with focus on Undo so a keyboard user can take it back at once. */
export function UndoBar({ deleted, onUndo }: { deleted: Annotation | null; onUndo: () => void }) {
  if (!deleted) return null;
  return (
    <div class="undo" role="status" data-testid="undo-bar">
      <span>{t('deleted')}</span>{' '}
      <button type="button" data-testid="undo" ref={(el) => el?.focus()} onClick={onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
