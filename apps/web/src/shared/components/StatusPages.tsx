import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { t } from '../i18n/zh-CN';

export function Forbidden() {
  return (
    <Result
      status="403"
      title={t.common.forbiddenTitle}
      subTitle={t.common.forbiddenHint}
      extra={
        <Link to="/">
          <Button type="primary">{t.common.backHome}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  return (
    <Result
      status="404"
      title={t.common.notFoundTitle}
      subTitle={t.common.notFoundHint}
      extra={
        <Link to="/">
          <Button type="primary">{t.common.backHome}</Button>
        </Link>
      }
    />
  );
}
