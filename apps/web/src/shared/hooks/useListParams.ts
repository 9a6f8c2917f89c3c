import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type ParamValue = string | number | readonly string[] | null | undefined;

const defaultPageSize = 20;
export const pageSizeOptions = [20, 50, 100, 200];

/**
 * List state (filters, sort, page) kept in the URL query string, so back/forward, reloads and
 * shared links show the same list. Lists are comma-separated, as the API reads them.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);
  const getList = useCallback(
    (key: string) =>
      (params.get(key) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    [params],
  );

  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = pageSizeOptions.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : defaultPageSize;

  /** Sets the given keys (empty values remove them); any filter change returns to the first page. */
  const update = useCallback(
    (patch: Record<string, ParamValue>) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          const text = Array.isArray(value) ? value.join(',') : value === null || value === undefined ? '' : String(value);
          if (text) next.set(key, text);
          else next.delete(key);
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return useMemo(
    () => ({ params, get, getList, page, pageSize, offset: (page - 1) * pageSize, update, clear }),
    [params, get, getList, page, pageSize, update, clear],
  );
}
