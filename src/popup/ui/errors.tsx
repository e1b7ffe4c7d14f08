// A visible banner for storage failures; pages report through `report` and the repository's own events.
import { useEffect, useState } from 'preact/hooks';
import { STORAGE_MESSAGE_KEY, toStorageError, type Repository } from '../../db';
import { t, type MessageKey } from './i18n';

export interface Problem {
  id: number;
  text: string;
}

let next = 0;

export function describeError(e: unknown): string {
  const se = toStorageError(e);
  const head = t(STORAGE_MESSAGE_KEY[se.kind] as MessageKey);
  return se.kind === 'invalid' ? `${head} ${se.message}` : `${head} (${se.message})`;
}

export function useProblems(repo: Repository | null): {
  problems: Problem[];
  report: (e: unknown) => void;
  dismiss: (id: number) => void;
} {
  const [problems, setProblems] = useState<Problem[]>([]);
  const report = (e: unknown) => {
    const text = describeError(e);
    setProblems((ps) => (ps.some((p) => p.text === text) ? ps : [...ps, { id: ++next, text }]));
  };
  useEffect(() => (repo ? repo.onError(report) : undefined), [repo]);
  return { problems, report, dismiss: (id) => setProblems((ps) => ps.filter((p) => p.id !== id)) };
}

export function Banner({ problems, dismiss }: { problems: Problem[]; dismiss: (id: number) => void }) {
  if (problems.length === 0) return null;
  return (
    <div class="banner" role="alert" data-testid="error-banner">
      {problems.map((p) => (
        <p key={p.id}>
          <span>{p.text}</span>{' '}
          <button type="button" onClick={() => dismiss(p.id)}>
            {t('dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
