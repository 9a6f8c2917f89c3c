import { and, asc, eq, sql } from 'drizzle-orm';
import type { AnnualReportAction } from '@stip/contracts';
import type { Database, Transaction } from '../client';
import { annualReports, platformVersions, regions } from '../schema/index';
import { systemContext } from '../../shared/context';
import {
  type AnnualReportMover,
  applyAnnualReportMove,
  fillAnnualReportInTx,
  getAnnualReportRowForSystem,
  openReportingYear,
} from '../../modules/annual-reports';
import { seededRandom } from '../../shared/random';

/** Plausible yearly figures for a platform (研发投入 in 万元, counts, hours); the text summary says it is demo data. */
function demoFigures(random: () => number, name: string) {
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  const staffTotal = between(15, 220);
  const patentsApplied = between(2, 40);
  const achievementsTransferred = between(0, 8);
  return {
    indicators: {
      rdSpend: Math.round((80 + random() * 2400) * 100) / 100,
      staffTotal,
      staffResearchers: Math.round(staffTotal * (0.35 + random() * 0.45)),
      projects: between(1, 25),
      patentsApplied,
      patentsGranted: Math.round(patentsApplied * random() * 0.8),
      standards: between(0, 4),
      achievementsTransferred,
      transferIncome: achievementsTransferred ? Math.round(random() * 600 * 100) / 100 : 0,
      enterprisesServed: between(3, 120),
      sharingHours: between(0, 3000),
      income: Math.round((200 + random() * 5000) * 100) / 100,
    },
    narratives: {
      summary: `（演示数据）${name}2025年度围绕主要研究方向开展技术攻关和成果转化，完成年度建设任务；存在的问题是高层次人才偏少，2026年将加强人才引进和开放共享。`,
    },
  };
}

type Fate = 'accepted' | 'acceptedLate' | 'neverSubmitted' | 'returned' | 'cityReview';

/** Most accepted on time; every seventh never submitted, some submitted late, some returned, a few still with the city. */
function fateOf(index: number, isDagang: boolean): Fate {
  if (isDagang) return 'accepted';
  if (index % 7 === 3) return 'neverSubmitted';
  if (index % 9 === 5) return 'acceptedLate';
  if (index % 11 === 7) return 'returned';
  if (index % 13 === 8) return 'cityReview';
  return 'accepted';
}

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * The annual reports of the demo story, through the annual-reports services and audited as the system: the 2025
 * cycle (due 2026-03-31) with most reports accepted, some never submitted, some submitted late, some returned with
 * comments and a few still at the city; and the 2026 cycle open (due 2027-03-31), 达钢集团's platform among those to
 * file, a few 宣汉县 reports waiting for the county's pre-review (xuanhan). Every row is marked demo. 达钢集团's
 * platforms lie in 通川区, which has no demo county account yet: its pre-review needs one (the e2e test adds it).
 */
export async function seedAnnualReportsDemo(
  db: Transaction,
  options: { organizationIds: Map<string, string> },
): Promise<{ reports: number }> {
  const ctx = systemContext(db as unknown as Database);
  const dagang = options.organizationIds.get('达钢集团');
  const random = seededRandom(2025_03_31);

  const move = async (id: string, action: AnnualReportAction, mover: AnnualReportMover, when: Date, comment: string | null = null) => {
    const row = await getAnnualReportRowForSystem(db, id);
    await applyAnnualReportMove(db, ctx, row, { action, mover, version: row.report.version, comment, at: when }, true);
  };

  await openReportingYear(ctx, { year: 2025, dueOn: '2026-03-31' }, { isDemo: true });
  const last = await reportsOf(db, 2025);
  for (const [index, report] of last.entries()) {
    const fate = fateOf(index, report.hostOrganizationId === dagang);
    if (fate === 'neverSubmitted') continue;
    const figures = demoFigures(random, report.platformName);
    await fillAnnualReportInTx(db, ctx, report.id, report.version, {
      indicators: { ...figures.indicators, coBuilders: report.coBuilders },
      narratives: figures.narratives,
    });
    const submittedOn = fate === 'acceptedLate' ? '2026-04-15' : `2026-03-${String(10 + (index % 18)).padStart(2, '0')}`;
    await move(report.id, 'submit', 'host', at(submittedOn));
    if (report.hasCountyReview) {
      if (fate === 'returned') {
        await move(report.id, 'countyReturn', 'county', at('2026-04-08'), '研发人员数与从业人员花名册不一致，请核实后重新提交。');
        continue;
      }
      await move(report.id, 'countyPass', 'county', at(fate === 'acceptedLate' ? '2026-04-20' : '2026-04-07'));
    }
    if (fate === 'returned') {
      await move(report.id, 'cityReturn', 'city', at('2026-04-22'), '开放共享机时缺少仪器使用记录佐证，请补充。');
      continue;
    }
    if (fate === 'cityReview') continue;
    await move(report.id, 'cityAccept', 'city', at(fate === 'acceptedLate' ? '2026-05-06' : '2026-04-28'));
  }

  await openReportingYear(ctx, { year: 2026, dueOn: '2027-03-31' }, { isDemo: true });
  const current = await reportsOf(db, 2026);
  // A few 宣汉县 reports already filed early, waiting for the county's pre-review (xuanhan's 待办), one at the city.
  const xuanhan = current.filter((report) => report.regionName === '宣汉县').slice(0, 2);
  const cityOwn = current.filter((report) => !report.hasCountyReview).slice(0, 1);
  for (const report of [...xuanhan, ...cityOwn]) {
    const figures = demoFigures(random, report.platformName);
    await fillAnnualReportInTx(db, ctx, report.id, report.version, {
      indicators: { ...figures.indicators, coBuilders: report.coBuilders },
      narratives: { summary: figures.narratives.summary.replaceAll('2025', '2026').replace('2026年将', '2027年将') },
    });
    await move(report.id, 'submit', 'host', at('2026-11-20'));
  }
  return { reports: last.length + current.length };
}

async function reportsOf(db: Transaction, year: number) {
  return db
    .select({
      id: annualReports.id,
      version: annualReports.version,
      platformName: platformVersions.name,
      hostOrganizationId: platformVersions.hostOrganizationId,
      coBuilders: sql<number>`cardinality(${platformVersions.coBuilderIds})`,
      regionName: regions.name,
      hasCountyReview: sql<boolean>`(${regions.level} in ('county', 'zone'))`,
    })
    .from(annualReports)
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, annualReports.platformId), sql`${platformVersions.validTo} is null`))
    .innerJoin(regions, eq(regions.id, platformVersions.regionId))
    .where(eq(annualReports.year, year))
    .orderBy(asc(platformVersions.name));
}
