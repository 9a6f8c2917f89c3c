import type { CreateRegion, RegionNode, UpdateRegion } from '@stip/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { regionsApi } from '../api';

const regionsKey = ['regions'] as const;

/** The region tree the user may see (their scope); changes rarely, so it is cached for a while. */
export function useRegionTree(enabled = true) {
  return useQuery({ queryKey: [...regionsKey, 'tree'], queryFn: regionsApi.tree, staleTime: 10 * 60_000, enabled });
}

/** id → name of every region in the tree, for labels. */
export function useRegionNames(): Map<string, string> {
  const { data } = useRegionTree();
  return useMemo(() => {
    const names = new Map<string, string>();
    const walk = (nodes: RegionNode[]) => {
      for (const node of nodes) {
        names.set(node.id, node.name);
        walk(node.children);
      }
    };
    walk(data ?? []);
    return names;
  }, [data]);
}

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRegion) => regionsApi.create(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionsKey }),
  });
}

export function useUpdateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRegion }) => regionsApi.update(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionsKey }),
  });
}
