import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zIdParams, zMarkedRead, zNotificationPage, zNotificationQuery } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as notifications from './notifications.service';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['消息提醒'];
  app.get(
    '/notifications',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: '我的消息（含未读数）', querystring: zNotificationQuery, response: { 200: zNotificationPage } },
    },
    async (request) => notifications.findNotifications(actorContext(request), request.query),
  );
  app.post(
    '/notifications/:id/read',
    { config: { permission: 'authenticated' }, schema: { tags, summary: '标为已读', params: zIdParams, response: { 200: zMarkedRead } } },
    async (request) => notifications.markNotificationRead(actorContext(request), request.params.id),
  );
  app.post(
    '/notifications/read-all',
    { config: { permission: 'authenticated' }, schema: { tags, summary: '全部标为已读', response: { 200: zMarkedRead } } },
    async (request) => notifications.markAllNotificationsRead(actorContext(request)),
  );
};
