/** The portal module's public entry: the public portal's API (科技创新资源共享平台). */
export { portalRoutes } from './portal.routes';
/** Temporary search lists until the search module's public routes are merged (see portal.search.routes.ts). */
export { portalSearchRoutes } from './portal.search.routes';
