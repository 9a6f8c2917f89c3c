import { describe, expect, it } from 'vitest';
import { comparatorFor, findQuantities, kindOfUnit } from './quantity.js';

function only(text: string) {
  const [quantity, ...rest] = findQuantities(text);
  expect(rest).toEqual([]);
  return quantity;
}

describe('comparator words', () => {
  it.each([
    ['市级重点实验室15家以上', '>='],
    ['技术合同登记额突破1.3亿元', '>='],
    ['在孵企业超过900家', '>='],
    ['不少于60家', '>='],
    ['不低于40%', '>='],
    ['至少1家', '>='],
    ['培育科技型中小企业200余家', '>='],
    ['建设1—2家', '>='],
    ['省级临床医学研究中心1家', '>='],
    ['R&D经费投入总量达到15亿元', '>='],
    ['总数达到30家', '>='],
    ['达到120家', '>='],
    ['确保达到300家', '>='],
    ['力争达到50家', '>='],
    ['研发投入强度提高到2.5%', '>='],
    ['160家左右', '>='],
    ['优秀率保持在20%', '='],
    ['国家级平台稳定在12家以上', '>='],
    ['空置率降至10%', '<='],
    ['控制在50家以内', '<='],
    ['不超过5%', '<='],
    ['控制在3%以下', '<='],
  ])('%s → %s', (text, comparator) => {
    expect(only(text)?.comparator).toBe(comparator);
  });

  it('prefers the word after the figure to the one before it', () => {
    expect(comparatorFor('达到', '以上')).toBe('>=');
    expect(comparatorFor('控制在', '以下')).toBe('<=');
    expect(comparatorFor('保持在', '以上')).toBe('>=');
  });

  it('reads a plain figure as at least, and says the comparator was not written', () => {
    expect(comparatorFor(undefined, undefined)).toBe('>=');
    expect(only('省级临床医学研究中心1家')).toMatchObject({ comparator: '>=', comparatorRead: false });
    expect(only('达到120家')).toMatchObject({ comparator: '>=', comparatorRead: true });
    expect(only('目标为30家')).toMatchObject({ comparator: '>=', comparatorRead: false });
  });

  it('marks approximate figures and ranges', () => {
    expect(only('160家左右')).toMatchObject({ approximate: true, isRange: false });
    expect(only('约200家')).toMatchObject({ approximate: true, comparatorRead: false });
    expect(only('200余家')).toMatchObject({ approximate: true, comparatorRead: true });
    expect(only('建设1—2家')).toMatchObject({ value: 1, isRange: true, approximate: false });
    expect(only('15家以上')).toMatchObject({ approximate: false, isRange: false, comparatorRead: true });
  });
});

describe('findQuantities', () => {
  it('reads a percentage written out in words, with its comparator', () => {
    expect(only('研发投入占比不低于百分之三十')).toMatchObject({ value: 30, unit: '%', comparator: '>=' });
    expect(only('覆盖率达到百分之12.5')).toMatchObject({ value: 12.5, unit: '%', comparator: '>=' });
  });

  it('reads value and unit, with spaces squeezed out beforehand', () => {
    expect(only('科技服务业营业收入7.97亿元')).toMatchObject({ value: 7.97, unit: '亿元' });
    expect(only('柔性引进人才2-3人次')).toMatchObject({ value: 2, unit: '人次', comparator: '>=' });
    expect(only('新建2个国家企业技术中心')).toMatchObject({ value: 2, unit: '个' });
    expect(only('提高2个百分点')).toMatchObject({ value: 2, unit: '个百分点' });
  });

  it('reads hanzi figures, moving a trailing magnitude into a money unit', () => {
    expect(only('新增两家省级重点实验室')).toMatchObject({ value: 2, unit: '家', isHanzi: true });
    expect(only('成交额突破二十亿元')).toMatchObject({ value: 20, unit: '亿元' });
  });

  it('ignores ordinals, example counts, set phrases and words that only look like units', () => {
    expect(findQuantities('居全省第6位')).toEqual([]);
    expect(findQuantities('陇西一方制药有限公司等5家创新型企业')).toEqual([]);
    expect(findQuantities('建立一个平台')).toEqual([]);
    expect(findQuantities('每万人有效发明专利')).toEqual([]);
    expect(findQuantities('未来5年')).toEqual([]);
    expect(findQuantities('3个月内')).toEqual([]);
    expect(findQuantities('达市科〔2021〕28号')).toEqual([]);
  });
});

describe('kindOfUnit', () => {
  it('tells money, shares and counts apart', () => {
    expect(kindOfUnit('亿元')).toBe('amount');
    expect(kindOfUnit('万元')).toBe('amount');
    expect(kindOfUnit('%')).toBe('ratio');
    expect(kindOfUnit('家')).toBe('count');
    expect(kindOfUnit('人次')).toBe('count');
  });
});
