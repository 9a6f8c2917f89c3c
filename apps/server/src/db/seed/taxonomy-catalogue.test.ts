import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../test/test-db';
import { buildOrganization } from '../../../test/factories';
import { platformSystems, platformTypes } from '../schema/index';
import { catalogueTypeNames, catalogueTypes, seedTaxonomyCatalogue } from './taxonomy-catalogue';

const handle = await createTestDb();
const { db } = handle;
afterAll(() => handle.close());

/** Every type DOMAIN.md §2 names, as it names them (some stand for several levels). */
const domainTypeNames = [
  // 实验室体系
  '国家重点实验室',
  '天府实验室',
  '省级重点实验室',
  '省级工程实验室',
  '市级重点实验室',
  // 技术创新中心体系
  '国家企业技术中心',
  '国家工程技术研究中心',
  '省技术创新中心',
  '省级工程技术研究中心',
  '省级企业技术中心',
  '省级工程研究中心',
  '市级工程技术研究中心',
  '市级企业技术中心',
  '临床医学研究中心',
  '中试研发平台',
  '检验检测中心',
  // 科技服务平台体系
  '技术转移示范机构',
  '科技企业孵化器',
  '众创空间',
  '星创天地',
  '大学科技园',
  '科技资源共享平台',
  '科技成果信息共享发布平台',
  '院士（专家）工作站',
  '新型研发机构',
  '国际科技合作基地',
  '技术创新战略联盟',
  '农业科技园区',
];

describe('the taxonomy catalogue', () => {
  it('names every type DOMAIN.md §2 names', () => {
    const missing = domainTypeNames.filter((name) => !catalogueTypeNames.some((seeded) => seeded.includes(name)));
    expect(missing).toEqual([]);
    expect(new Set(catalogueTypeNames).size).toBe(catalogueTypeNames.length);
  });

  it('also holds the types the seeds name outside DOMAIN.md’s list, at the right levels', () => {
    const level = (name: string) => catalogueTypes.find((type) => type.name === name)?.level;
    expect(level('市级技术创新中心')).toBe('city');
    expect(level('区域技术创新中心')).toBe('provincial');
    expect(level('技术转移分中心')).toBe('national');
    expect(level('国家质量监督检验中心')).toBe('national');
    expect(level('省级检验检测中心')).toBe('provincial');
    expect(level('省级中试研发平台')).toBe('provincial');
    expect(level('省级临床医学研究中心')).toBe('provincial');
    expect(level('市级临床医学研究中心')).toBe('city');
    expect(level('天府实验室')).toBe('provincial');
    expect(level('国家企业技术中心')).toBe('national');
    expect(['国家级', '省级', '市级'].map((l) => level(`科技企业孵化器（${l}）`))).toEqual(['national', 'provincial', 'city']);
    expect(['国家级', '省级', '市级'].map((l) => level(`农业科技园区（${l}）`))).toEqual(['national', 'provincial', 'city']);
  });

  it('seeds the three systems and every type with supervisors, standards and construction periods', async () => {
    const supervisors = {
      科技局: await buildOrganization(db, { name: '市科技局', kind: 'department' }),
      经信局: await buildOrganization(db, { name: '市经信局', kind: 'department' }),
      卫健委: await buildOrganization(db, { name: '市卫生健康委', kind: 'department' }),
    };
    const ids = await seedTaxonomyCatalogue(db, { supervisors });
    expect([...ids.keys()].sort()).toEqual([...catalogueTypeNames].sort());

    const systems = await db.select().from(platformSystems);
    expect(systems.map((s) => [s.code, s.name]).sort()).toEqual([
      ['innovation_center', '技术创新中心体系'],
      ['laboratory', '实验室体系'],
      ['service_platform', '科技服务平台体系'],
    ]);
    const typeNamed = async (name: string) =>
      (
        await db
          .select()
          .from(platformTypes)
          .where(eq(platformTypes.id, ids.get(name)!))
      )[0]!;
    const systemCode = (systemId: string) => systems.find((s) => s.id === systemId)?.code;

    const keyLab = await typeNamed('市级重点实验室');
    expect(systemCode(keyLab.systemId)).toBe('laboratory');
    expect(keyLab.level).toBe('city');
    for (const criterion of ['有实验条件', '有应用研究能力', '有产学研合作', '有研发投入', '有创新团队', '有管理制度']) {
      expect(keyLab.recognitionStandard).toContain(criterion);
    }
    const innovationCentre = await typeNamed('省技术创新中心');
    expect(innovationCentre).toMatchObject({
      level: 'provincial',
      constructionPeriodMonths: 36,
      supervisorOrganizationId: supervisors.科技局,
    });
    expect(innovationCentre.recognitionStandard).toContain('500万元');
    expect(systemCode(innovationCentre.systemId)).toBe('innovation_center');

    expect(await typeNamed('市级企业技术中心')).toMatchObject({
      supervisingDepartment: '经信局',
      supervisorOrganizationId: supervisors.经信局,
    });
    expect(await typeNamed('省级临床医学研究中心')).toMatchObject({
      supervisingDepartment: '卫健委、科技局',
      supervisorOrganizationId: supervisors.卫健委,
    });
    // No organisation was given for 发改委 or 市场监管局: the department is named as text only.
    expect(await typeNamed('省级工程研究中心')).toMatchObject({ supervisingDepartment: '发改委', supervisorOrganizationId: null });
    expect(await typeNamed('国家质量监督检验中心')).toMatchObject({ supervisingDepartment: '市场监管局', supervisorOrganizationId: null });
    expect(systemCode((await typeNamed('众创空间（市级）')).systemId)).toBe('service_platform');
  });

  it('can run twice without duplicating anything', async () => {
    const first = await seedTaxonomyCatalogue(db, { supervisors: {} });
    const second = await seedTaxonomyCatalogue(db, { supervisors: {} });
    expect(second).toEqual(first);
    expect(await db.select().from(platformTypes)).toHaveLength(catalogueTypeNames.length);
  });
});
