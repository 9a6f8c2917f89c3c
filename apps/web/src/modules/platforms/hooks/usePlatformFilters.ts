import { type PlatformLevel, type PlatformStatus, platformSortFields } from '@stip/contracts';
import { useMemo } from 'react';
import { useListParams } from '../../../shared/hooks/useListParams';
import type { PlatformFilters, PlatformListQuery, PlatformSortField } from '../api';

/** The platform list's filters, sort and page, read from and written to the URL query string. */
export function usePlatformFilters() {
  const list = useListParams();
  const { get, getList, pageSize, offset } = list;

  const filters = useMemo<PlatformFilters>(() => {
    const sort = get('sort');
    const order = get('order');
    return {
      systemId: get('systemId'),
      typeId: getList('typeId'),
      level: getList('level') as PlatformLevel[],
      regionId: get('regionId'),
      status: getList('status') as PlatformStatus[],
      industry: get('industry'),
      hostOrganizationId: get('hostOrganizationId'),
      keyword: get('keyword'),
      asOf: get('asOf'),
      sort: (platformSortFields as readonly string[]).includes(sort ?? '') ? (sort as PlatformSortField) : undefined,
      order: order === 'asc' || order === 'desc' ? order : undefined,
    };
  }, [get, getList]);

  const query = useMemo<PlatformListQuery>(() => ({ ...filters, limit: pageSize, offset }), [filters, pageSize, offset]);

  return { ...list, filters, query };
}
