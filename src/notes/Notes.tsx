// The notes page: search, grouping by page and article, bulk tagging, export and import.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Repository } from '../db';
import { groupByPage, type ExportBundle, type ExportFormat } from '../export';
import type { Annotation } from '../shared/annotation';
import { Banner, useProblems } from '../popup/ui/errors';
import { t } from '../popup/ui/i18n';
import { NoteItem, parseTags, UndoBar } from '../popup/ui/note';
import { EMPTY_SEARCH, SearchForm, toQuery, type SearchFields } from '../popup/ui/search';
import { exportTo, FormatSelect, ImportControl } from '../popup/ui/transfer';

const PAGE = 500;

export function Notes({ repo }: { repo: Repository }) {
  const { problems, report, dismiss } = useProblems(repo);
  const [fields, setFields] = useState<SearchFields>(EMPTY_SEARCH);
  const [limit, setLimit] = useState(PAGE);
  const [bundle, setBundle] = useState<ExportBundle | null>(null);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tagInput, setTagInput] = useState('');
  const [format, setFormat] = useState<ExportFormat>('jsonld');
  const [deleted, setDeleted] = useState<Annotation | null>(null);
  const [status, setStatus] = useState('');
  const [formKey, setFormKey] = useState(0);

  const load = async (f = fields, n = limit) => {
    try {
      const res = await repo.search(toQuery(f, n));
      // Pages and articles of the hits, for grouping; keep the search order.
      const meta = await repo.exportBundle(res.items.map((a) => a.id));
      setBundle({ ...meta, annotations: res.items });
      setTotal(res.total);
      setSelected((s) => new Set([...s].filter((id) => res.items.some((a) => a.id === id))));
    } catch (e) {
      report(e);
    }
  };
  useEffect(() => void load(), []);

  const groups = useMemo(() => (bundle ? groupByPage(bundle) : []), [bundle]);
  const shown = bundle?.annotations ?? [];

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const bulk = async (mode: 'add' | 'remove') => {
    const tags = parseTags(tagInput);
    if (!tags.length || selected.size === 0) return;
    try {
      const n = await repo.bulkTag([...selected], mode === 'add' ? tags : [], mode === 'remove' ? tags : []);
      setStatus(t('bulkTagged', n));
      setFormKey((k) => k + 1);
      await load();
    } catch (e) {
      report(e);
    }
  };

  const doExport = async (ids?: string[]) => {
    try {
      const name = await exportTo(repo, format, ids);
      setStatus(t('exported', name));
    } catch (e) {
      report(e);
    }
  };

  const save = async (a: Annotation) => {
    try {
      await repo.saveAnnotation(a);
    } catch (e) {
      report(e);
      throw e;
    }
    await load();
  };
  const del = async (a: Annotation) => {
    try {
      setDeleted(await repo.deleteAnnotation(a.id));
      await load();
    } catch (e) {
      report(e);
    }
  };

  return (
    <main data-testid="notes">
      <Banner problems={problems} dismiss={dismiss} />
      <h1>{t('notesPageTitle')}</h1>
      <p role="status" aria-live="polite" class="muted" data-testid="status">
        {status}
      </p>
      <SearchForm
        key={formKey}
        repo={repo}
        value={fields}
        onSearch={(f) => {
          setFields(f);
          setLimit(PAGE);
          void load(f, PAGE);
        }}
      />

      <section class="row toolbar" aria-label={t('bulkHeading')}>
        <span data-testid="selected-count">{t('selectedCount', selected.size, total)}</span>
        <button type="button" data-testid="select-all" onClick={() => setSelected(new Set(shown.map((a) => a.id)))}>
          {t('selectAllShown')}
        </button>
        <button type="button" onClick={() => setSelected(new Set())}>
          {t('selectNone')}
        </button>
        <label>
          <span>{t('tagsLabel')} </span>
          <input data-testid="bulk-tag" value={tagInput} onInput={(e) => setTagInput(e.currentTarget.value)} />
        </label>
        <button type="button" data-testid="bulk-add" disabled={selected.size === 0} onClick={() => void bulk('add')}>
          {t('bulkAddTag')}
        </button>
        <button type="button" data-testid="bulk-remove" disabled={selected.size === 0} onClick={() => void bulk('remove')}>
          {t('bulkRemoveTag')}
        </button>
      </section>
      <section class="row toolbar" aria-label={t('exportHeading')}>
        <FormatSelect value={format} onChange={setFormat} />
        <button type="button" data-testid="export-selection" disabled={selected.size === 0} onClick={() => void doExport([...selected])}>
          {t('exportSelection')}
        </button>
        <button type="button" data-testid="export-all" onClick={() => void doExport()}>
          {t('exportAll')}
        </button>
        <ImportControl repo={repo} report={report} onDone={() => void load()} />
      </section>

      <p class="muted" data-testid="search-total">
        {t('resultsCount', total)}
      </p>
      <div data-testid="groups">
        {groups.map(({ page, articles }) => (
          <section key={page.url} class="page-group" data-testid="group-page">
            <h2>
              <a href={page.url} target="_blank" rel="noopener noreferrer">
                {page.title || page.url}
              </a>{' '}
              <span class="muted">{page.site}</span>
            </h2>
            {articles.map(({ article, annotations }) => (
              <div key={article?.id ?? 'page'} class="article-group" data-testid="group-article">
                <h3>{article ? article.title || t('untitled') : t('outsideArticles')}</h3>
                {article && (article.dateline || article.date) && <p class="muted">{[article.dateline, article.date].filter(Boolean).join(' · ')}</p>}
                <ul class="notes">
                  {annotations.map((a) => (
                    <NoteItem
                      key={`${a.id}:${a.modified}`}
                      a={a}
                      onSave={save}
                      onDelete={del}
                      select={{ checked: selected.has(a.id), onChange: (on) => toggle(a.id, on) }}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
      {total > shown.length && (
        <button
          type="button"
          data-testid="load-more"
          onClick={() => {
            setLimit(limit + PAGE);
            void load(fields, limit + PAGE);
          }}
        >
          {t('loadMore')}
        </button>
      )}
      <UndoBar
        deleted={deleted}
        onUndo={async () => {
          if (!deleted) return;
          try {
            await repo.saveAnnotation(deleted);
            setDeleted(null);
            await load();
          } catch (e) {
            report(e);
          }
        }}
      />
    </main>
  );
}
