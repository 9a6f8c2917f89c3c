/** The accounts module's public entry: what other modules, the app and the seed may use. */
export { insertUser } from './accounts.repository';
export { accountRoutes } from './accounts.routes';
export {
  defaultSessionMaxMs,
  hasDemoAccounts,
  issueSetupToken,
  needsSetup,
  resetPasswordFromConsole,
  resolveSession,
  sessionResolver,
  sessionCookie,
  sessionCookieOptions,
  setupTokenLifetimeMs,
} from './accounts.service';
export { twoFactorRoutes } from './accounts.two-factor.routes';
export { resetTwoFactorFromConsole } from './accounts.two-factor.service';
export { hashPassword } from './passwords';
