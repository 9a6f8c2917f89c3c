import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { t } from '../shared/i18n/zh-CN';

/**
 * A page that throws while rendering (or whose code chunk fails to load after a redeploy) shows a
 * message with a reload button instead of a blank screen; the menu stays usable.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title={t.common.pageLoadFailed}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t.common.reload}
          </Button>
        }
      />
    );
  }
}
