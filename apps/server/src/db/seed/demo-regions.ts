import type { RegionLevel } from '@stip/contracts';

export interface RegionSeed {
  name: string;
  level: RegionLevel;
  /** GB/T 2260 administrative division code; special zones have none. */
  code: string | null;
  children?: RegionSeed[];
}

/** The two places the seeds come from: 四川省达州市 (seeds 000–002) and 甘肃省定西市 (seed 003). */
export const demoRegionTree: RegionSeed[] = [
  {
    name: '四川省',
    level: 'province',
    code: '510000',
    children: [
      {
        name: '达州市',
        level: 'city',
        code: '511700',
        children: [
          { name: '通川区', level: 'county', code: '511702' },
          { name: '达川区', level: 'county', code: '511703' },
          { name: '宣汉县', level: 'county', code: '511722' },
          { name: '开江县', level: 'county', code: '511723' },
          { name: '大竹县', level: 'county', code: '511724' },
          { name: '渠县', level: 'county', code: '511725' },
          { name: '万源市', level: 'county', code: '511781' },
          { name: '达州高新区', level: 'zone', code: null },
        ],
      },
    ],
  },
  {
    name: '甘肃省',
    level: 'province',
    code: '620000',
    children: [
      {
        name: '定西市',
        level: 'city',
        code: '621100',
        children: [
          { name: '安定区', level: 'county', code: '621102' },
          { name: '通渭县', level: 'county', code: '621121' },
          { name: '陇西县', level: 'county', code: '621122' },
          { name: '渭源县', level: 'county', code: '621123' },
          { name: '临洮县', level: 'county', code: '621124' },
          { name: '漳县', level: 'county', code: '621125' },
          { name: '岷县', level: 'county', code: '621126' },
        ],
      },
    ],
  },
];
