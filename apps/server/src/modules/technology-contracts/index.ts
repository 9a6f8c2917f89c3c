/** The technology-contracts module's public entry: 技术合同登记. */
export { technologyContractRoutes } from './technology-contracts.routes';
