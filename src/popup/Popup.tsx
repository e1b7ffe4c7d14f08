// The popup: what was found on this page, its notes and page note, and search across all notes.
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../core/types';
import type { Repository, SearchResult } from '../db';
import type { Annotation, PageSummary } from '../shared/annotation';
import type { Result } from '../shared/result';
import { enabledTypes, normaliseHost, siteEnabled, type Settings } from '../shared/settings';
import { Banner, useProblems } from './ui/errors';
import { t, type MessageKey } from './ui/i18n';
import { NoteItem, UndoBar } from './ui/note';
import { EMPTY_SEARCH, SearchForm, toQuery, type SearchFields } from './ui/search';

/** The popup's line to the content script of its tab; every call may fail (no content script). */
export interface TabLink {
  summary(): Promise<Result<PageSummary>>;
  /** The last summary the background kept for this tab, when the content script does not answer. */
  lastKnown(): Promise<PageSummary | undefined>;
  setTypes(types: EntityType[]): Promise<Result<unknown>>;
  reveal(id: string): Promise<Result<{ found: boolean }>>;
  reload(): Promise<Result<unknown>>;
  /** Analyse a page the content script skipped (listing and home pages). */
  analyse?(): Promise<Result<PageSummary>>;
}

export interface PopupDeps {
  repo: Repository;
  tab: TabLink | null;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  openNotes(): void;
  openOptions(): void;
}

const SEARCH_LIMIT = 20;

export const typeLabel = (type: EntityType): string => t(`type_${type}` as MessageKey);

function Counts({ counts }: { counts: Partial<Record<EntityType, number>> }) {
  const parts = ENTITY_TYPES.filter((x) => counts[x]).map((x) => `${typeLabel(x)} ${counts[x]}`);
  return <span class="counts">{parts.length ? parts.join(' · ') : t('noEntities')}</span>;
}

export function Popup({ deps }: { deps: PopupDeps }) {
  const { repo, tab } = deps;
  const { problems, report, dismiss } = useProblems(repo);
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [live, setLive] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [notes, setNotes] = useState<Annotation[]>([]);
  const [pageNote, setPageNote] = useState<Annotation | null>(null);
  const [draft, setDraft] = useState('');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [deleted, setDeleted] = useState<Annotation | null>(null);
  const [status, setStatus] = useState('');
  const [fields, setFields] = useState<SearchFields>(EMPTY_SEARCH);
  const [results, setResults] = useState<SearchResult | null>(null);

  const url = summary?.url ?? null;

  const refreshNotes = async (pageUrl: string) => {
    const list = await repo.listForPage(pageUrl);
    const note = list.find((a) => a.target.selector.length === 0 && a.motivation === 'commenting') ?? null;
    setNotes(list.filter((a) => a !== note));
    setPageNote(note);
    return note;
  };

  useEffect(() => {
    void (async () => {
      try {
        deps.loadSettings().then(setSettings, report);
        if (tab) {
          const res = await tab.summary();
          const s = res.ok ? res.value : await tab.lastKnown();
          setLive(res.ok);
          if (s) {
            // Notes first: the page-note box appears only with its text, so nothing typed is overwritten.
            const note = await refreshNotes(s.url);
            setDraft(note?.body.note ?? '');
            setSummary(s);
          }
        }
      } catch (e) {
        report(e);
      } finally {
        setLoaded(true);
      }
    })();
  }, []);

  const run = async (f: () => Promise<void>) => {
    try {
      await f();
    } catch (e) {
      report(e);
    }
  };

  const savePageNote = () =>
    run(async () => {
      if (!summary) return;
      const now = new Date().toISOString();
      const a: Annotation = pageNote
        ? { ...pageNote, body: { ...pageNote.body, note: draft }, target: { ...pageNote.target, title: summary.title }, modified: now }
        : {
            id: `urn:uuid:${crypto.randomUUID()}`,
            target: { source: summary.url, selector: [], article: null, title: summary.title },
            body: { note: draft, tags: [], colour: 'yellow' },
            motivation: 'commenting',
            created: now,
            modified: now,
          };
      setPageNote(await repo.saveAnnotation(a));
      setStatus(t('saved'));
    });

  const saveNote = async (a: Annotation) => {
    try {
      await repo.saveAnnotation(a);
    } catch (e) {
      report(e);
      throw e;
    }
    if (url) await refreshNotes(url);
    await tab?.reload();
    if (results) await search(fields);
    setStatus(t('saved'));
  };

  const deleteNote = (a: Annotation) =>
    run(async () => {
      const gone = await repo.deleteAnnotation(a.id);
      setDeleted(gone);
      if (url) await refreshNotes(url);
      if (results) await search(fields);
      await tab?.reload();
    });

  const undo = () =>
    run(async () => {
      if (!deleted) return;
      await repo.saveAnnotation(deleted);
      setDeleted(null);
      if (url) await refreshNotes(url);
      if (results) await search(fields);
      await tab?.reload();
      setStatus(t('restored'));
    });

  const reveal = (a: Annotation) =>
    void run(async () => {
      const res = await tab?.reveal(a.id);
      if (!res?.ok || !res.value.found) setStatus(t('revealFailed'));
    });

  const toggleType = (type: EntityType, on: boolean) =>
    run(async () => {
      if (!settings) return;
      const next: Settings = { ...settings, types: { ...settings.types, [type]: { ...settings.types[type], enabled: on } } };
      setSettings(next);
      await deps.saveSettings(next);
      await tab?.setTypes(enabledTypes(next));
    });

  const host = (() => {
    try {
      return url ? normaliseHost(new URL(url).hostname) : '';
    } catch {
      return '';
    }
  })();

  const toggleSite = (on: boolean) =>
    run(async () => {
      if (!settings || !host) return;
      const next: Settings = { ...settings, sites: { ...settings.sites, [host]: on } };
      setSettings(next);
      // The content script follows settings changes (onSettingsChanged).
      await deps.saveSettings(next);
    });

  async function search(f: SearchFields) {
    setFields(f);
    await run(async () => setResults(await repo.search(toQuery(f, SEARCH_LIMIT))));
  }

  return (
    <main data-testid="popup">
      <Banner problems={problems} dismiss={dismiss} />
      <header class="row">
        <h1 data-testid="page-title">{summary?.title || t('extName')}</h1>
      </header>
      <nav class="row">
        <button type="button" data-testid="open-notes" onClick={deps.openNotes}>
          {t('openNotesPage')}
        </button>
        <button type="button" data-testid="open-options" onClick={deps.openOptions}>
          {t('openOptions')}
        </button>
      </nav>
      <p class="sr-only" role="status" aria-live="polite" data-testid="status">
        {status}
      </p>

      {loaded && !live && (
        <p class="info" data-testid="no-content">
          {summary ? t('contentScriptStale') : t('contentScriptAbsent')}
        </p>
      )}

      {summary && (
        <>
          <section aria-labelledby="h-articles">
            <h2 id="h-articles">
              {t('articlesHeading', summary.articles.length)}
              <span hidden data-testid="article-count">
                {summary.articles.length}
              </span>
            </h2>
            {summary.articles.length === 0 && <p class="muted">{t('noArticles', summary.mode)}</p>}
            {summary.articles.length === 0 && live && tab?.analyse && (
              <button
                type="button"
                data-testid="analyse-page"
                onClick={() =>
                  run(async () => {
                    const res = await tab.analyse!();
                    if (!res.ok) throw new Error(res.error);
                    setSummary(res.value);
                  })
                }
              >
                {t('analyseAnyway')}
              </button>
            )}
            <ul class="articles" data-testid="articles">
              {summary.articles.map((a) => (
                <li key={a.index} data-testid="article">
                  <strong>{a.title || t('untitled')}</strong>
                  {a.dateline && <div class="muted">{a.dateline}</div>}
                  <div>
                    <Counts counts={a.counts} />
                  </div>
                </li>
              ))}
            </ul>
          </section>

          {settings && (
            <section aria-labelledby="h-types">
              <h2 id="h-types">{t('typesHeading')}</h2>
              {host && (
                <label class="row">
                  <input
                    type="checkbox"
                    data-testid="site-toggle"
                    checked={siteEnabled(settings, host)}
                    onChange={(e) => void toggleSite(e.currentTarget.checked)}
                  />
                  {t('runOnSite', host)}
                </label>
              )}
              <div class="types">
                {ENTITY_TYPES.map((type) => (
                  <label key={type}>
                    <input
                      type="checkbox"
                      data-testid={`type-toggle-${type}`}
                      checked={settings.types[type].enabled}
                      onChange={(e) => void toggleType(type, e.currentTarget.checked)}
                    />
                    <span class="swatch" style={{ background: settings.types[type].colour }} aria-hidden="true" />
                    {typeLabel(type)} <span class="muted">{summary.counts[type] ?? 0}</span>
                  </label>
                ))}
              </div>
            </section>
          )}

          <section aria-labelledby="h-pagenote">
            <h2 id="h-pagenote">
              <label for="page-note">{t('pageNoteHeading')}</label>
            </h2>
            <textarea id="page-note" data-testid="page-note" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
            <div class="row">
              <button type="button" data-testid="page-note-save" onClick={() => void savePageNote()}>
                {t('save')}
              </button>
              {pageNote && (
                <span class="muted" data-testid="page-note-saved">
                  {t('savedAt', pageNote.modified.slice(0, 16).replace('T', ' '))}
                </span>
              )}
            </div>
          </section>

          <section aria-labelledby="h-notes">
            <h2 id="h-notes">{t('pageNotesHeading', notes.length)}</h2>
            {notes.length === 0 && <p class="muted">{t('noNotesHere')}</p>}
            <ul class="notes" data-testid="page-notes">
              {notes.map((a) => (
                <NoteItem key={`${a.id}:${a.modified}`} a={a} onSave={saveNote} onDelete={deleteNote} onReveal={live ? reveal : undefined} />
              ))}
            </ul>
          </section>
        </>
      )}

      <section aria-labelledby="h-search">
        <h2 id="h-search">{t('searchHeading')}</h2>
        <SearchForm repo={repo} value={fields} onSearch={(f) => void search(f)} compact />
        {results && (
          <>
            <p class="muted" data-testid="search-total">
              {t('resultsCount', results.total)}
            </p>
            <ul class="notes" data-testid="search-results">
              {results.items.map((a) => (
                <NoteItem key={`${a.id}:${a.modified}`} a={a} onSave={saveNote} onDelete={deleteNote} showPage />
              ))}
            </ul>
            {results.total > results.items.length && (
              <button type="button" onClick={deps.openNotes}>
                {t('moreInNotesPage')}
              </button>
            )}
          </>
        )}
      </section>
      <UndoBar deleted={deleted} onUndo={() => void undo()} />
    </main>
  );
}
