import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zTodoList } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { findTodos } from './todos.service';

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/todos',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['我的待办'], summary: '我的待办：等待当前用户处理的事项，最紧急的在前', response: { 200: zTodoList } },
    },
    async (request) => findTodos(actorContext(request)),
  );
};
