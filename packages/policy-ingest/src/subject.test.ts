import { describe, expect, it } from 'vitest';
import { cleanSubject, isSameSubject, levelOf, stripScope } from './subject.js';

describe('levelOf', () => {
  it.each([
    ['国家重点实验室（含分支机构）', '国家'],
    ['国家级平台', '国家'],
    ['全国重点实验室', '国家'],
    ['省级及以上科技企业孵化器', '省'],
    ['国、省级孵化载体', '省'],
    ['四川省重点实验室', '省'],
    ['省技术创新中心', '省'],
    ['市级以上创新创业平台', '市'],
    ['县级重点实验室', '县'],
    ['区级工程技术研究中心', '县'],
  ])('%s → %s', (subject, level) => {
    expect(levelOf(subject)).toBe(level);
  });

  it('does not read scope or look-alikes as a level', () => {
    expect(levelOf('高新技术企业')).toBeNull();
    expect(levelOf('市场主体')).toBeNull();
    expect(levelOf('国（境）外高端紧缺人才')).toBeNull();
    expect(levelOf('国际科技合作基地')).toBeNull();
  });
});

describe('cleanSubject', () => {
  it.each([
    ['全年力争新培育高新技术企业', '高新技术企业'],
    ['争取全年柔性引进国（境）外高端紧缺人才', '国（境）外高端紧缺人才'],
    ['实施“6+3”、“9+3”产业关键技术攻关项目', '产业关键技术攻关项目'],
    ['育成突破性新品种', '突破性新品种'],
    ['市科技局将新培育省级新型研发机构', '省级新型研发机构'],
    ['高新技术企业数量', '高新技术企业'],
    ['2025年底前，市级工程技术研究中心', '市级工程技术研究中心'],
  ])('%s → %s', (raw, subject) => {
    expect(cleanSubject(raw)).toBe(subject);
  });

  it('returns nothing for verbs alone', () => {
    expect(cleanSubject('力争新增')).toBe('');
  });
});

describe('stripScope', () => {
  it('drops the places a coverage spans', () => {
    expect(stripScope('各县（市、区）及达州高新区科技创新服务平台')).toBe('科技创新服务平台');
    expect(stripScope('57个行政村科技特派员服务')).toBe('科技特派员服务');
  });
});

describe('isSameSubject', () => {
  it('is lenient about brackets, 级 and containment', () => {
    expect(isSameSubject('国家重点实验室（含分支机构）', '国家重点实验室')).toBe(true);
    expect(isSameSubject('省级重点实验室(包括省市共建实验室)', '省级重点实验室（包括省市共建实验室）')).toBe(true);
    expect(isSameSubject('科技型中小企业入库备案', '科技型中小企业')).toBe(true);
  });

  it('never equates different levels or different things', () => {
    expect(isSameSubject('省级工程技术研究中心', '市级工程技术研究中心')).toBe(false);
    expect(isSameSubject('省级企业重点实验室', '省级工程实验室')).toBe(false);
  });
});
