import { type Setup, zUsername } from '@stip/contracts';
import { App, Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router-dom';
import { passwordRule, requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { PageLoading } from '../../../shared/components/PageLoading';
import { AuthShell } from '../components/AuthShell';
import { useRunSetup, useSetupStatus } from '../hooks/useAuth';

const administrators = ['sysadmin', 'secadmin', 'auditadmin'] as const;

type SetupForm = Record<(typeof administrators)[number], { username: string; password: string; confirm: string }> & { token: string };

/** First start without demo data: the three administrators choose their usernames and passwords. */
export default function SetupPage() {
  const [form] = Form.useForm<SetupForm>();
  const status = useSetupStatus();
  const runSetup = useRunSetup();
  const notify = useNotify();
  const { message } = App.useApp();
  const navigate = useNavigate();

  if (status.isPending) return <PageLoading fullScreen />;
  if (status.data && !status.data.needsSetup) return <Navigate to="/login" replace />;

  const submit = (values: SetupForm) => {
    const body: Setup = {
      token: values.token.trim(),
      sysadmin: { username: values.sysadmin.username.trim(), password: values.sysadmin.password },
      secadmin: { username: values.secadmin.username.trim(), password: values.secadmin.password },
      auditadmin: { username: values.auditadmin.username.trim(), password: values.auditadmin.password },
    };
    const names = new Set(administrators.map((role) => body[role].username.toLowerCase()));
    if (names.size < administrators.length) {
      void message.error(t.setup.usernamesMustDiffer);
      return;
    }
    runSetup.mutate(body, {
      onSuccess: () => {
        notify.success(t.setup.done);
        navigate('/login', { replace: true });
      },
      onError: (error) => notify.error(error, form),
    });
  };

  return (
    <AuthShell>
      <Card style={{ width: 'min(960px, 100%)' }} title={t.setup.title}>
        <Typography.Paragraph type="secondary">{t.setup.intro}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} data-testid="setup-form">
          <Form.Item
            name="token"
            label={t.setup.token}
            extra={t.setup.tokenHint}
            rules={[{ required: true, whitespace: true, message: t.setup.tokenRequired }]}
          >
            <Input autoComplete="off" spellCheck={false} data-testid="setup-token" />
          </Form.Item>
          <Row gutter={24}>
            {administrators.map((role) => (
              <Col xs={24} md={8} key={role}>
                <Typography.Title level={5}>{t.setup.roles[role]}</Typography.Title>
                <Form.Item
                  name={[role, 'username']}
                  label={t.setup.username}
                  initialValue={role}
                  rules={[requiredText(t.setup.username), schemaRule(zUsername)]}
                >
                  <Input autoComplete="off" data-testid={`setup-${role}-username`} />
                </Form.Item>
                <Form.Item
                  name={[role, 'password']}
                  label={t.setup.password}
                  extra={t.setup.passwordHint}
                  dependencies={[[role, 'username']]}
                  rules={[requiredText(t.setup.password), passwordRule(() => form.getFieldValue([role, 'username']) as string | undefined)]}
                >
                  <Input.Password autoComplete="new-password" data-testid={`setup-${role}-password`} />
                </Form.Item>
                <Form.Item
                  name={[role, 'confirm']}
                  label={t.setup.confirmPassword}
                  dependencies={[[role, 'password']]}
                  rules={[
                    requiredText(t.setup.confirmPassword),
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value: string | undefined) => {
                        if (value && value !== getFieldValue([role, 'password'])) throw new Error(t.setup.passwordMismatch);
                      },
                    }),
                  ]}
                >
                  <Input.Password autoComplete="new-password" data-testid={`setup-${role}-confirm`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" loading={runSetup.isPending} data-testid="setup-submit">
            {t.setup.submit}
          </Button>
        </Form>
      </Card>
    </AuthShell>
  );
}
