/** The portal module's public entry: the public portal's API (科技创新资源共享平台). */
export { portalRoutes } from './portal.routes';
