import { act, renderHook, screen } from '@testing-library/react';
import { App, Form } from 'antd';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useSaveOutcome } from './useSaveOutcome';

const wrapper = ({ children }: { children: ReactNode }) => <App>{children}</App>;

function renderSaveOutcome() {
  return renderHook(
    () => {
      const [form] = Form.useForm();
      return useSaveOutcome(form);
    },
    { wrapper },
  );
}

describe('useSaveOutcome', () => {
  it('on success says “已保存” for an edit and hands the result on', async () => {
    const { result } = renderSaveOutcome();
    const onDone = vi.fn();
    act(() => result.current.callbacks<{ id: string }>(true, onDone).onSuccess({ id: 'p1' }));
    expect(onDone).toHaveBeenCalledWith({ id: 'p1' });
    expect(await screen.findByText(t.common.saved)).toBeTruthy();
  });

  it('on a stale version shows the conflict notice and keeps the form open', () => {
    const { result } = renderSaveOutcome();
    const onDone = vi.fn();
    act(() => result.current.callbacks(true, onDone).onError(new ApiError(409, 'VERSION_CONFLICT', '记录已被他人修改')));
    expect(result.current.conflict).toBe(true);
    expect(onDone).not.toHaveBeenCalled();
    act(() => result.current.clearConflict());
    expect(result.current.conflict).toBe(false);
  });

  it('shows any other error as a toast, not as a conflict', async () => {
    const { result } = renderSaveOutcome();
    act(() => result.current.callbacks(false, vi.fn()).onError(new ApiError(409, 'ALREADY_EXISTS', '已有名为“甲”的体系')));
    expect(result.current.conflict).toBe(false);
    expect(await screen.findByText('已有名为“甲”的体系')).toBeTruthy();
  });
});
