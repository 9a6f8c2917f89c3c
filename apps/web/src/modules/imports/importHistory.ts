import {
  type ImportKind,
  type ImportRun,
  type ImportRunQuery,
  type ImportRunStatus,
  importKinds,
  importRunStatuses,
} from '@stip/contracts';

const isKind = (value: string | undefined): value is ImportKind => importKinds.includes(value as ImportKind);
const isStatus = (value: string | undefined): value is ImportRunStatus => importRunStatuses.includes(value as ImportRunStatus);
const isDay = (value: string | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The history query for the filters kept in the URL: values the API would refuse (an old or hand-edited link)
 * are left out, so the page shows the unfiltered list instead of an error.
 */
export function historyQuery(get: (key: string) => string | undefined, page: { limit: number; offset: number }): Partial<ImportRunQuery> {
  const kind = get('kind');
  const status = get('status');
  const from = get('from');
  const to = get('to');
  const uploader = get('uploader')?.trim();
  return {
    ...page,
    ...(isKind(kind) ? { kind } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
    ...(uploader ? { uploader: uploader.slice(0, 100) } : {}),
  };
}

/** The result tag of a run: green 成功, red 失败 (an import is all-or-nothing, so never partly). */
export function runTagColor(run: Pick<ImportRun, 'status'>): 'success' | 'error' {
  return run.status === 'succeeded' ? 'success' : 'error';
}

/** 12 KB, 1.5 MB: a file's size as people read it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
