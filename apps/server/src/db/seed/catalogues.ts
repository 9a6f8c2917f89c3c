import type { Catalogue } from '@stip/contracts';
import type { Database, Transaction } from '../client';
import { systemContext } from '../../shared/context';
import { createCatalogueEntryInTx } from '../../modules/catalogues';

/** Dazhou's key industries as seed 001 names them (the "6+3" industries): the demo city's industry catalogue. */
export const dazhouIndustries = ['新材料', '智能制造', '能源化工', '农产品加工', '电子信息', '生物医药'];

/** Fills a city list in this order, through the catalogues service (audited as the system), flagged as demo data. */
export async function seedCatalogue(tx: Transaction, db: Database, catalogue: Catalogue, names: readonly string[]): Promise<void> {
  for (const [index, name] of names.entries()) {
    await createCatalogueEntryInTx(tx, systemContext(db), catalogue, { name, sortOrder: index + 1, isDemo: true });
  }
}
