import { describe, expect, it } from 'vitest';
import {
  buildChanges,
  buildSentence,
  collectIds,
  describeAction,
  displayValue,
  formatChineseDay,
  formatChineseMoment,
  personLabel,
  platformMovesMatching,
  recordedName,
  unknownReference,
} from './audit.presentation';

const hostA = '11111111-1111-4111-8111-111111111111';
const hostB = '22222222-2222-4222-8222-222222222222';
const gone = '33333333-3333-4333-8333-333333333333';
const names = new Map([
  [hostA, '达钢集团'],
  [hostB, '四川文理学院'],
]);

const platformBefore = {
  id: '44444444-4444-4444-8444-444444444444',
  name: '某重点实验室',
  status: 'operating',
  level: 'city',
  hostOrganizationId: hostA,
  hostOrganizationName: '达钢集团',
  typeId: '55555555-5555-4555-8555-555555555555',
  typeName: '市级重点实验室',
  recognizedOn: '2021-05-01',
  updatedAt: '2024-03-01T06:03:00.000Z',
  version: 3,
};

describe('Chinese dates', () => {
  it('writes a day in the style of official documents and a moment in China time', () => {
    expect(formatChineseDay('2026-12-04')).toBe('2026年12月4日');
    expect(formatChineseDay('2026-01-09')).toBe('2026年1月9日');
    // 06:03 UTC is 14:03 in China; 20:30 UTC is already the next day there.
    expect(formatChineseMoment(new Date('2026-12-04T06:03:00Z'))).toBe('2026年12月4日 14:03');
    expect(formatChineseMoment(new Date('2026-12-04T20:30:00Z'))).toBe('2026年12月5日 04:30');
  });
});

describe('displayValue', () => {
  it('shows labels for enum values, names for ids, China time for ISO moments and 是/否 for booleans', () => {
    expect(displayValue('platform', 'status', 'revoked', names)).toBe('撤销');
    expect(displayValue('platform', 'level', 'provincial', names)).toBe('省级');
    expect(displayValue('organization', 'kind', 'university', names)).toBe('高等院校');
    expect(displayValue('user', 'role', 'city_staff', names)).toBe('市科技局');
    expect(displayValue('platform', 'hostOrganizationId', hostA, names)).toBe('达钢集团');
    expect(displayValue('platform', 'coBuilderIds', [hostA, hostB], names)).toBe('达钢集团、四川文理学院');
    expect(displayValue('platform', 'parentPlatformId', gone, names)).toBe(unknownReference);
    expect(displayValue('platform', 'updatedAt', '2024-03-01T06:03:00.000Z', names)).toBe('2024-03-01 14:03');
    expect(displayValue('user', 'isActive', false, names)).toBe('否');
    expect(displayValue('platform', 'remarks', '', names)).toBeNull();
    expect(displayValue('platform', 'coBuilders', [{ id: hostB, name: '四川文理学院' }], names)).toBe('四川文理学院');
  });
});

describe('buildChanges', () => {
  it('lists only the fields that changed, with Chinese names and values, an id only where no name stands beside it', () => {
    const after = { ...platformBefore, status: 'revoked', hostOrganizationId: hostB, hostOrganizationName: '四川文理学院', version: 4 };
    const changes = buildChanges({ objectType: 'platform', before: platformBefore, after }, names);
    expect(changes).toEqual([
      { field: 'status', label: '状态', before: '运行', after: '撤销' },
      { field: 'hostOrganizationName', label: '依托单位', before: '达钢集团', after: '四川文理学院' },
    ]);
  });

  it('lists every field with a value when only one side exists, and never shows an id or an ISO time', () => {
    const changes = buildChanges({ objectType: 'platform', before: null, after: platformBefore }, names);
    expect(changes.map((c) => c.label)).toEqual(['平台名称', '状态', '级别', '依托单位', '类型', '认定日期', '版本']);
    const text = JSON.stringify(changes);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(text).not.toMatch(/\dT\d/);
    expect(changes.every((c) => c.before === null)).toBe(true);
  });

  it('shows a plain value as 内容 and nothing for a record without before or after', () => {
    expect(buildChanges({ objectType: 'system', before: null, after: 'x' }, names)).toEqual([
      { field: 'value', label: '内容', before: null, after: 'x' },
    ]);
    expect(buildChanges({ objectType: 'system', before: null, after: null }, names)).toEqual([]);
  });
});

describe('the action and the sentence', () => {
  const occurredAt = new Date('2026-12-04T06:03:00Z');

  it('names a platform update that revokes as 撤销平台 and takes the reason from its change note', () => {
    const record = {
      occurredAt,
      action: 'platform.update',
      objectType: 'platform',
      objectId: platformBefore.id,
      before: platformBefore,
      after: { ...platformBefore, status: 'revoked', changeNote: '撤销：2025年度运行评估（考核等级：不合格）' },
    };
    expect(describeAction(record)).toBe('撤销平台');
    expect(buildSentence(record, '张三（成都市科技局）', '某重点实验室')).toBe(
      '张三（成都市科技局）于2026年12月4日 14:03 撤销平台「某重点实验室」：2025年度运行评估（考核等级：不合格）',
    );
  });

  it('names an explicit transition by its move, and an ordinary edit by the action catalogue', () => {
    const transition = {
      occurredAt,
      action: 'platform.transition',
      objectType: 'platform',
      objectId: platformBefore.id,
      before: { status: 'rectifying', version: 2 },
      after: { action: 'completeRectification', status: 'operating', reason: '整改到位', version: 3 },
    };
    expect(describeAction(transition)).toBe('整改完成平台');
    expect(buildSentence(transition, '李四', '某中心')).toBe('李四于2026年12月4日 14:03 整改完成平台「某中心」：整改到位');
    const rename = { ...transition, action: 'platform.update', before: platformBefore, after: { ...platformBefore, name: '新名' } };
    expect(describeAction(rename)).toBe('修改平台');
    expect(describeAction({ action: 'application.submit', objectType: 'application', before: null, after: null })).toBe('申报：提交');
    expect(buildSentence({ ...transition, action: 'auth.login', objectType: 'user', before: null, after: null }, '系统', null)).toBe(
      '系统于2026年12月4日 14:03 登录',
    );
  });

  it('finds the platform moves a Chinese action text names', () => {
    expect(platformMovesMatching('撤销')).toEqual(['revoked']);
    expect(platformMovesMatching('撤销平台')).toEqual(['revoked']);
    expect(platformMovesMatching('整改')).toEqual(['operating', 'rectifying']);
    expect(platformMovesMatching('修改平台')).toEqual([]);
  });
});

describe('people and names', () => {
  it('shows a person as 姓名（单位） without repeating a unit the name already carries', () => {
    expect(personLabel('张三', '成都市科技局')).toBe('张三（成都市科技局）');
    expect(personLabel('市科技局 张科长（演示）', '市科技局')).toBe('市科技局 张科长（演示）');
    expect(personLabel('审计管理员（演示）', null)).toBe('审计管理员（演示）');
  });

  it('keeps the name recorded in the record, and collects every id to resolve', () => {
    expect(recordedName({ before: { name: '旧名' }, after: null })).toBe('旧名');
    expect(recordedName({ before: null, after: { title: '2025年规划' } })).toBe('2025年规划');
    expect(recordedName({ before: null, after: { count: 3 } })).toBeNull();
    const ids = new Set<string>();
    collectIds({ objectId: platformBefore.id, before: platformBefore, after: { coBuilderIds: [hostB] } }, ids);
    expect(ids).toEqual(new Set([platformBefore.id, hostA, platformBefore.typeId, hostB]));
  });
});
