import { describe, expect, it } from 'vitest';
import { splitDemoMarks, withoutDemoMark } from './demoName';

describe('a demo name beside its 演示 tag', () => {
  it('drops the trailing （演示） mark, and nothing else', () => {
    expect(withoutDemoMark('万源富硒茶科技资源共享平台（演示）')).toBe('万源富硒茶科技资源共享平台');
    expect(withoutDemoMark('2026年度市级科技创新平台认定申报通知 (演示)')).toBe('2026年度市级科技创新平台认定申报通知');
    expect(withoutDemoMark('演示·光电科技有限公司')).toBe('演示·光电科技有限公司');
    expect(withoutDemoMark('国家天然气产品质量监督检验中心（四川）')).toBe('国家天然气产品质量监督检验中心（四川）');
  });

  it('finds the marks inside a text made of names, and says whether there were any', () => {
    expect(splitDemoMarks('专家评分：微纤维玻璃棉工程技术研究中心（演示）')).toEqual({
      text: '专家评分：微纤维玻璃棉工程技术研究中心',
      isDemo: true,
    });
    expect(splitDemoMarks('填报年报：通川智能制造市级重点实验室（演示） 2025年度')).toEqual({
      text: '填报年报：通川智能制造市级重点实验室 2025年度',
      isDemo: true,
    });
    expect(splitDemoMarks('审核申报：国家天然气产品质量监督检验中心（四川）')).toEqual({
      text: '审核申报：国家天然气产品质量监督检验中心（四川）',
      isDemo: false,
    });
  });
});
