// Options: entity types and colours, per-site switch, export everything, delete everything.
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../core/types';
import type { PersistState, Repository, StoreStats } from '../db';
import type { ExportFormat } from '../export';
import { normaliseHost, type Settings } from '../shared/settings';
import { typeLabel } from '../popup/Popup';
import { Banner, useProblems } from '../popup/ui/errors';
import { t } from '../popup/ui/i18n';
import { exportTo, FormatSelect, ImportControl } from '../popup/ui/transfer';

export interface OptionsDeps {
  repo: Repository;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  persist(): Promise<PersistState>;
}

export function Options({ deps }: { deps: OptionsDeps }) {
  const { repo } = deps;
  const { problems, report, dismiss } = useProblems(repo);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [host, setHost] = useState('');
  const [format, setFormat] = useState<ExportFormat>('jsonld');
  const [stats, setStats] = useState<StoreStats | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [exportedFirst, setExportedFirst] = useState(false);
  const [status, setStatus] = useState('');
  const [persist, setPersist] = useState<PersistState | null>(null);

  const refreshStats = () => repo.stats().then(setStats, report);
  useEffect(() => {
    deps.loadSettings().then(setSettings, report);
    void refreshStats();
    deps.persist().then(setPersist, () => setPersist('unsupported'));
  }, []);

  const update = async (next: Settings) => {
    setSettings(next);
    try {
      await deps.saveSettings(next);
      setStatus(t('saved'));
    } catch (e) {
      report(e);
    }
  };
  const setType = (type: EntityType, patch: Partial<Settings['types'][EntityType]>) =>
    settings && void update({ ...settings, types: { ...settings.types, [type]: { ...settings.types[type], ...patch } } });
  const setSite = (h: string, on: boolean | null) => {
    if (!settings) return;
    const sites = { ...settings.sites };
    if (on === null) delete sites[h];
    else sites[h] = on;
    void update({ ...settings, sites });
  };

  const doExport = async (f = format) => {
    try {
      const name = await exportTo(repo, f);
      setStatus(t('exported', name));
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  };

  return (
    <main data-testid="options">
      <Banner problems={problems} dismiss={dismiss} />
      <h1>{t('optionsTitle')}</h1>
      <p role="status" aria-live="polite" class="muted" data-testid="status">
        {status}
      </p>

      <section aria-labelledby="h-types">
        <h2 id="h-types">{t('typesHeading')}</h2>
        {settings && (
          <table>
            <tbody>
              {ENTITY_TYPES.map((type) => (
                <tr key={type}>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        data-testid={`type-toggle-${type}`}
                        checked={settings.types[type].enabled}
                        onChange={(e) => setType(type, { enabled: e.currentTarget.checked })}
                      />{' '}
                      {typeLabel(type)}
                    </label>
                  </td>
                  <td>
                    <label>
                      <span class="sr-only">{t('colourOf', typeLabel(type))}</span>
                      <input
                        type="color"
                        data-testid={`type-colour-${type}`}
                        value={settings.types[type].colour}
                        onChange={(e) => setType(type, { colour: e.currentTarget.value })}
                      />
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{t('sitesHeading')}</h2>
        <p class="muted">{t('sitesHelp')}</p>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const h = normaliseHost(host.replace(/^[a-z]+:\/\//i, '').split('/')[0]);
            if (h) setSite(h, false);
            setHost('');
          }}
        >
          <label>
            <span>{t('siteHost')} </span>
            <input data-testid="site-host" value={host} placeholder="example.com" onInput={(e) => setHost(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="site-add">
            {t('siteDisable')}
          </button>
        </form>
        {settings && (
          <ul data-testid="site-list">
            {Object.entries(settings.sites).map(([h, on]) => (
              <li key={h} class="row" data-testid="site-rule">
                <span>{h}</span>
                <label>
                  <input type="checkbox" checked={on} onChange={(e) => setSite(h, e.currentTarget.checked)} /> {t('siteEnabled')}
                </label>
                <button type="button" onClick={() => setSite(h, null)}>
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-data">
        <h2 id="h-data">{t('dataHeading')}</h2>
        {stats && <p data-testid="stats">{t('statsLine', stats.annotations, stats.pages, stats.articles)}</p>}
        {persist && <p class="muted" data-testid="persist">{t(persist === 'granted' ? 'persistGranted' : persist === 'denied' ? 'persistDenied' : 'persistUnsupported')}</p>}
        <div class="row">
          <FormatSelect value={format} onChange={setFormat} />
          <button type="button" data-testid="export-all" onClick={() => void doExport()}>
            {t('exportAll')}
          </button>
        </div>
        <ImportControl repo={repo} report={report} onDone={() => void refreshStats()} />
        <div>
          {!confirming ? (
            <button type="button" data-testid="delete-all" onClick={() => setConfirming(true)}>
              {t('deleteAll')}
            </button>
          ) : (
            <div class="banner" role="alertdialog" aria-labelledby="del-q" data-testid="delete-dialog">
              <p id="del-q">{t('deleteAllQuestion', stats?.annotations ?? 0)}</p>
              <div class="row">
                <button
                  type="button"
                  data-testid="export-first"
                  ref={(el) => el?.focus()}
                  onClick={async () => setExportedFirst(await doExport('jsonld'))}
                >
                  {exportedFirst ? t('exportedFirst') : t('exportFirst')}
                </button>
                <button
                  type="button"
                  data-testid="delete-confirm"
                  onClick={async () => {
                    try {
                      await repo.wipeAll();
                      setConfirming(false);
                      setExportedFirst(false);
                      setStatus(t('deletedAll'));
                      await refreshStats();
                    } catch (e) {
                      report(e);
                    }
                  }}
                >
                  {t('deleteAllConfirm')}
                </button>
                <button type="button" data-testid="delete-cancel" onClick={() => setConfirming(false)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          )}
        </div>
      </section>
    </main>
  );
}
