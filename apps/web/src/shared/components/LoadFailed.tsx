import { Button, Result } from 'antd';
import { errorMessage } from '../api/client';
import { t } from '../i18n/zh-CN';

/** What a page shows when its data could not be loaded, with a way to try again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Result
      status="warning"
      title={t.common.loadFailed}
      subTitle={errorMessage(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t.common.retry}
          </Button>
        ) : null
      }
    />
  );
}
