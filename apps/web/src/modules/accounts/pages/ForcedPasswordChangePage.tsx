import { Button, Card, Form, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { t } from '../../../shared/i18n/zh-CN';
import { AuthShell } from '../components/AuthShell';
import { type ChangePasswordValues, ChangePasswordForm } from '../components/ChangePasswordModal';
import { useChangePassword, useLogout } from '../hooks/useAuth';

/** Shown instead of the app while the session's password was reset by an administrator and must be changed first. */
export function ForcedPasswordChangePage() {
  const [form] = Form.useForm<ChangePasswordValues>();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();

  return (
    <AuthShell>
      <Card style={{ width: 'min(420px, 100%)' }} title={t.layout.mustChangeTitle} data-testid="forced-password-change">
        <Typography.Paragraph type="secondary">{t.layout.mustChangeIntro}</Typography.Paragraph>
        <ChangePasswordForm form={form} change={change} onDone={() => undefined} />
        <Button type="primary" block loading={change.isPending} onClick={() => form.submit()}>
          {t.layout.changePassword}
        </Button>
        <Button type="link" block onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
          {t.layout.logout}
        </Button>
      </Card>
    </AuthShell>
  );
}
