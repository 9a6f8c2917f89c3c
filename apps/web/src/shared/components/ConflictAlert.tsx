import { Alert, Button } from 'antd';
import { t } from '../i18n/zh-CN';

/** Shown when a save answered 409: someone else changed the record since it was opened. */
export function ConflictAlert({ onReload, reloading }: { onReload: () => void; reloading?: boolean }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={t.common.versionConflictTitle}
      description={t.common.versionConflictHint}
      action={
        <Button size="small" type="primary" onClick={onReload} loading={reloading} data-testid="conflict-reload">
          {t.common.reloadLatest}
        </Button>
      }
    />
  );
}
