import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Login, LoginChallenge } from '@stip/contracts';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api/client';
import { t } from '../../../shared/i18n/zh-CN';
import { AuthShell } from '../components/AuthShell';
import { DemoAccountsPanel } from '../components/DemoAccountsPanel';
import { useLogin, useSetupStatus } from '../hooks/useAuth';
import { SecondFactorStep } from '../../two-factor/components/SecondFactorStep';

/** Only same-site paths: `next` comes from the URL and must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const [form] = Form.useForm<Login>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const setup = useSetupStatus();
  const login = useLogin();
  /** Set when the password was right but a second factor is needed. */
  const [challenge, setChallenge] = useState<LoginChallenge | null>(null);

  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;

  const enter = () => navigate(safeNext(searchParams.get('next')), { replace: true });
  const submit = (values: Login) => {
    login.mutate(values, { onSuccess: (result) => ('secondFactor' in result ? setChallenge(result) : enter()) });
  };
  const restart = () => {
    setChallenge(null);
    login.reset();
    form.setFieldValue('password', '');
  };

  return (
    <AuthShell
      aside={setup.data?.demo ? <DemoAccountsPanel onPick={(username, password) => form.setFieldsValue({ username, password })} /> : null}
    >
      <Card style={{ width: 380 }} styles={{ body: { padding: 28 } }}>
        {challenge ? <SecondFactorStep challenge={challenge} onSignedIn={enter} onRestart={restart} /> : null}
        <div hidden={Boolean(challenge)}>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
            {t.auth.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
            {t.auth.subtitle}
          </Typography.Paragraph>
          {login.error ? (
            <Alert type="error" showIcon message={errorMessage(login.error)} style={{ marginBottom: 16 }} data-testid="login-error" />
          ) : null}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on" data-testid="login-form">
            <Form.Item
              name="username"
              label={t.auth.username}
              rules={[{ required: true, whitespace: true, message: t.auth.usernameRequired }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t.auth.password} rules={[{ required: true, message: t.auth.passwordRequired }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
              {t.auth.submit}
            </Button>
          </Form>
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/portal" data-testid="login-portal-link">
              {t.portal.visit}
            </Link>
          </div>
        </div>
      </Card>
    </AuthShell>
  );
}
