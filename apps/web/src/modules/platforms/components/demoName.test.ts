import { describe, expect, it } from 'vitest';
import { withoutDemoMark } from './demoName';

describe('a demo name beside its 演示 tag', () => {
  it('drops the trailing （演示） mark, and nothing else', () => {
    expect(withoutDemoMark('万源富硒茶科技资源共享平台（演示）')).toBe('万源富硒茶科技资源共享平台');
    expect(withoutDemoMark('2026年度市级科技创新平台认定申报通知 (演示)')).toBe('2026年度市级科技创新平台认定申报通知');
    expect(withoutDemoMark('演示·光电科技有限公司')).toBe('演示·光电科技有限公司');
    expect(withoutDemoMark('国家天然气产品质量监督检验中心（四川）')).toBe('国家天然气产品质量监督检验中心（四川）');
  });
});
