// The search form shared by the popup and the notes page.
import { useEffect, useState } from 'preact/hooks';
import type { Repository, SearchQuery } from '../../db';
import { t } from './i18n';

export interface SearchFields {
  text: string;
  tag: string;
  site: string;
  from: string;
  to: string;
}

export const EMPTY_SEARCH: SearchFields = { text: '', tag: '', site: '', from: '', to: '' };

export function toQuery(f: SearchFields, limit: number): SearchQuery {
  return {
    text: f.text.trim() || undefined,
    tag: f.tag.trim() || undefined,
    site: f.site || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    limit,
  };
}

export function SearchForm({
  repo,
  value,
  onSearch,
  compact,
}: {
  repo: Repository;
  value: SearchFields;
  onSearch: (f: SearchFields) => void;
  compact?: boolean;
}) {
  const [f, setF] = useState(value);
  const [tags, setTags] = useState<string[]>([]);
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    repo.listTags().then((ts) => setTags(ts.map((x) => x.name)), () => undefined);
    repo.listSites().then(setSites, () => undefined);
  }, [repo]);
  const set = (k: keyof SearchFields) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <form
      class={compact ? 'search compact' : 'search'}
      role="search"
      data-testid="search-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(f);
      }}
    >
      <label>
        <span>{t('searchText')}</span>
        <input type="search" data-testid="search-text" value={f.text} onInput={set('text')} placeholder={t('searchPlaceholder')} />
      </label>
      <label>
        <span>{t('searchTag')}</span>
        <input data-testid="search-tag" list="bl-tags" value={f.tag} onInput={set('tag')} />
        <datalist id="bl-tags">
          {tags.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
      </label>
      <label>
        <span>{t('searchSite')}</span>
        <select data-testid="search-site" value={f.site} onChange={set('site')}>
          <option value="">{t('searchAnySite')}</option>
          {sites.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('searchFrom')}</span>
        <input type="date" data-testid="search-from" value={f.from} onInput={set('from')} />
      </label>
      <label>
        <span>{t('searchTo')}</span>
        <input type="date" data-testid="search-to" value={f.to} onInput={set('to')} />
      </label>
      <button type="submit" data-testid="search-submit">
        {t('searchButton')}
      </button>
    </form>
  );
}
