import { describe, expect, it } from 'vitest';
import { formatFileSize, historyQuery, runTagColor } from './importHistory';

const params = (values: Record<string, string>) => (key: string) => values[key];

describe('the import history query', () => {
  it('passes the filters the API takes, with the page', () => {
    expect(
      historyQuery(params({ kind: 'platforms', status: 'failed', from: '2026-12-01', to: '2026-12-04', uploader: ' 张三 ' }), {
        limit: 20,
        offset: 40,
      }),
    ).toEqual({ limit: 20, offset: 40, kind: 'platforms', status: 'failed', from: '2026-12-01', to: '2026-12-04', uploader: '张三' });
  });

  it('leaves out values from an old or edited link that the API would refuse', () => {
    expect(
      historyQuery(params({ kind: 'people', status: 'partly', from: '2026-12', to: 'tomorrow', uploader: '  ' }), { limit: 20, offset: 0 }),
    ).toEqual({
      limit: 20,
      offset: 0,
    });
  });
});

describe('how a run reads', () => {
  it('tags success green and failure red', () => {
    expect(runTagColor({ status: 'succeeded' })).toBe('success');
    expect(runTagColor({ status: 'failed' })).toBe('error');
  });

  it('shows sizes in B, KB and MB', () => {
    expect(formatFileSize(900)).toBe('900 B');
    expect(formatFileSize(12 * 1024 + 100)).toBe('12 KB');
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});

describe('the 导入记录 page’s place', () => {
  it('is reached from 数据导入, which stays lit in the menu, and has its own breadcrumb and title', async () => {
    const { menuKeyAt } = await import('../../app/pages');
    const { breadcrumbSteps, documentTitle } = await import('../../app/Breadcrumbs');
    expect(menuKeyAt('/imports/history')).toBe('/imports');
    expect(breadcrumbSteps('/imports/history', undefined).slice(-2)).toEqual([
      { label: '数据导入', to: '/imports' },
      { label: '导入记录' },
    ]);
    expect(documentTitle('/imports/history', undefined)).toBe('导入记录 - 数据导入 - 科技创新平台体系管理系统');
  });
});
