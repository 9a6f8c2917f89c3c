/** The organizations module's public entry: what other modules, the app and the seed may use. */
export { canSeeOrganization, organizationScope } from './organizations.policy';
export { findOrganizationByCreditCode, findOrganizationOptions, getOrganizationName, getOrganizationRow } from './organizations.repository';
export { organizationRoutes } from './organizations.routes';
export { createOrganizationInTx, updateOrganizationInTx } from './organizations.service';
