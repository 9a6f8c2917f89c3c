import { zTodoList } from '@stip/contracts';
import { api } from '../../shared/api/client';

export const todosApi = {
  list: (signal?: AbortSignal) => api.get('/todos', zTodoList, {}, signal),
};
