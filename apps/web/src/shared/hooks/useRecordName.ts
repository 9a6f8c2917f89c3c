import { createContext, useContext, useEffect } from 'react';

/** Set by the layout: a detail page tells it the name of the record it shows (for the breadcrumb and the title). */
export const RecordNameContext = createContext<(name: string | undefined) => void>(() => {});

/**
 * Names the record a detail page shows: the breadcrumb ends with it (平台库 / 某重点实验室) and the browser title
 * starts with it. Undefined while the record loads; the page's generic label shows meanwhile.
 */
export function useRecordName(name: string | undefined): void {
  const setName = useContext(RecordNameContext);
  useEffect(() => {
    setName(name);
    return () => setName(undefined);
  }, [setName, name]);
}
