import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../api/client';
import { t } from '../i18n/zh-CN';

/** The API said the record is not there for this user: missing, deleted, out of scope, or a malformed id in the address. */
export function isMissingRecord(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 403 || error.status === 400);
}

/** A detail page asked for a record that does not exist or that the user may not see: say so, and offer the way back. */
export function MissingRecord({ backTo, backLabel }: { backTo: string; backLabel?: string }) {
  return (
    <Result
      status="404"
      title={t.common.missingRecordTitle}
      subTitle={t.common.missingRecordHint}
      extra={
        <Link to={backTo}>
          <Button type="primary" data-testid="missing-record-back">
            {backLabel ?? t.common.backToList}
          </Button>
        </Link>
      }
      data-testid="missing-record"
    />
  );
}

/**
 * What a page shows when its data could not be loaded. A detail page passes `backTo` (its list):
 * a record that does not exist or may not be seen then shows 记录不存在或无权查看 with a way back,
 * since trying again cannot help; anything else offers to try again.
 */
export function LoadFailed({ error, onRetry, backTo }: { error: unknown; onRetry?: () => void; backTo?: string }) {
  if (backTo && isMissingRecord(error)) return <MissingRecord backTo={backTo} />;
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
