import { describe, expect, it } from 'vitest';
import { portalDocumentTitle, portalMenuKey, portalTrail } from './portalPages';

describe('the portal page table', () => {
  it('ends a detail page’s breadcrumb with the record’s name once loaded', () => {
    expect(portalTrail('/portal/achievements/1', '玄武岩纤维连续拉丝')).toEqual([
      { label: '首页', to: '/portal' },
      { label: '科技成果', to: '/portal/achievements' },
      { label: '玄武岩纤维连续拉丝' },
    ]);
    expect(portalTrail('/portal/achievements/1', undefined).at(-1)).toEqual({ label: '成果详情' });
  });

  it('titles pages with their own name first and the portal’s last', () => {
    expect(portalDocumentTitle('/portal', undefined)).toBe('科技创新资源共享平台');
    expect(portalDocumentTitle('/portal/platforms', undefined)).toBe('创新平台 - 科技创新资源共享平台');
    expect(portalDocumentTitle('/portal/demands/1', '某需求')).toBe('某需求 - 技术需求 - 科技创新资源共享平台');
  });

  it('lights up the section of a detail page', () => {
    expect(portalMenuKey('/portal/challenges/1')).toBe('/portal/challenges');
    expect(portalMenuKey('/portal')).toBe('/portal');
  });
});
