/** The notifications module's public entry: what other modules, the app and the seed may use. */
export type { NewNotification } from './notifications.repository';
export { notificationRoutes } from './notifications.routes';
export { raiseNotifications } from './notifications.service';
