import type { CreateTechnologyContract, UpdateTechnologyContract } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ContractFilter, contractsApi } from '../api';

const contractsKey = ['technology-contracts'] as const;

export function useContracts(query: ContractFilter & { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...contractsKey, 'list', query],
    queryFn: () => contractsApi.list(query),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string) {
  return useQuery({ queryKey: [...contractsKey, 'detail', id], queryFn: () => contractsApi.get(id), retry: false });
}

/** A contract moves its lead (已签约) and the 技术合同登记额 targets: refresh those too. */
function useContractMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: contractsKey }),
        queryClient.invalidateQueries({ queryKey: ['leads'] }),
        queryClient.invalidateQueries({ queryKey: ['targets'] }),
        queryClient.invalidateQueries({ queryKey: ['plans'] }),
      ]);
    },
  });
}

export function useCreateContract() {
  return useContractMutation((body: CreateTechnologyContract) => contractsApi.create(body));
}

export function useUpdateContract() {
  return useContractMutation(({ id, body }: { id: string; body: UpdateTechnologyContract }) => contractsApi.update(id, body));
}

export function useDeleteContract() {
  return useContractMutation(({ id, version }: { id: string; version: number }) => contractsApi.remove(id, version));
}
