import { type ApplicationDetail, type ApplicationMaterial, sixHavesItems } from '@stip/contracts';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { requiredText } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { applicationsApi } from '../api';
import { ApplicationStatusTag } from '../components/StatusTags';
import { useApplication, useCallsMutation } from '../hooks/useCalls';
import { useRecordName } from '../../../shared/hooks/useRecordName';

type FormValues = Pick<ApplicationDetail, 'platformName' | 'technicalFields' | 'collaborators' | 'form'>;

/** 申报表: the host fills the form, uploads each listed material, saves, submits or withdraws. */
export default function ApplicationEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const notify = useNotify();
  const application = useApplication(id);
  useRecordName(application.data?.platformName);
  const [form] = Form.useForm<FormValues>();
  const save = useCallsMutation((values: FormValues) => applicationsApi.update(id!, { ...values, version: application.data!.version }));
  const submit = useCallsMutation(() => applicationsApi.submit(id!, application.data!.version));
  const withdraw = useCallsMutation(() => applicationsApi.withdraw(id!, application.data!.version));
  const upload = useCallsMutation(({ code, file }: { code: string; file: File }) => applicationsApi.uploadMaterial(id!, code, file));
  const remove = useCallsMutation((material: ApplicationMaterial) => applicationsApi.removeMaterial(id!, material.id));

  const a = application.data;
  useEffect(() => {
    if (a)
      form.setFieldsValue({
        platformName: a.platformName,
        technicalFields: a.technicalFields,
        collaborators: a.collaborators,
        form: a.form,
      });
  }, [a, form]);

  if (application.isLoading) return <PageLoading />;
  if (application.isError || !a) return <LoadFailed error={application.error} onRetry={() => void application.refetch()} backTo="/todos" />;
  const editable = a.status === 'draft' || a.status === 'returned';
  const lastReturn = [...a.reviews].reverse().find((r) => r.action === 'return');

  return (
    <>
      <PageHeader
        title={
          <>
            {t.calls.edit.title(a.platformName)} <ApplicationStatusTag status={a.status} />
          </>
        }
        subtitle={<Link to={`/applications/${a.id}`}>{t.calls.edit.view}</Link>}
        extra={
          editable ? (
            <Space>
              <Popconfirm
                title={t.calls.edit.withdrawConfirm}
                onConfirm={() =>
                  withdraw.mutate(undefined, { onSuccess: () => notify.success(t.calls.edit.withdrawn), onError: (e) => notify.error(e) })
                }
              >
                <Button danger>{t.calls.edit.withdraw}</Button>
              </Popconfirm>
              <Popconfirm
                title={t.calls.edit.submitConfirm}
                onConfirm={() =>
                  submit.mutate(undefined, {
                    onSuccess: () => {
                      notify.success(t.calls.edit.submitted);
                      navigate(`/applications/${a.id}`);
                    },
                    onError: (e) => notify.error(e),
                  })
                }
              >
                <Button type="primary" data-testid="application-submit">
                  {a.status === 'returned' ? t.calls.edit.resubmit : t.calls.edit.submit}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      />
      {!editable ? <Alert type="info" showIcon message={t.calls.edit.readOnly} style={{ marginBottom: 12 }} /> : null}
      {a.status === 'returned' && lastReturn ? (
        <Alert type="warning" showIcon message={t.calls.edit.returnedHint} description={lastReturn.comment} style={{ marginBottom: 12 }} />
      ) : null}
      <Card size="small" title={t.calls.review.form} style={{ marginBottom: 12 }}>
        <Form
          form={form}
          layout="vertical"
          disabled={!editable}
          onFinish={(values) =>
            save.mutate(values, { onSuccess: () => notify.success(t.calls.edit.saved), onError: (e) => notify.error(e, form) })
          }
        >
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="platformName"
                label={t.calls.application.platformName}
                rules={[requiredText(t.calls.application.platformName)]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="technicalFields" label={t.calls.edit.technicalFields} extra={t.calls.edit.technicalFieldsHint}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="application-fields" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['form', 'rdSpendLastYear']} label={t.calls.edit.rdSpend}>
                <InputNumber min={0} style={{ width: '100%' }} data-testid="application-rd" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['form', 'researchStaff']} label={t.calls.edit.researchStaff}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['form', 'director']} label={t.calls.edit.director}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['form', 'summary']} label={t.calls.edit.summary}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Typography.Text strong>{t.calls.edit.sixHaves}</Typography.Text>
          <Row gutter={12} style={{ marginTop: 8 }}>
            {sixHavesItems.map((item) => (
              <Col span={12} key={item}>
                <Form.Item name={['form', 'sixHaves', item]} label={t.calls.sixHaves[item]}>
                  <Radio.Group data-testid={`six-${item}`}>
                    <Radio value={true}>{t.common.yes}</Radio>
                    <Radio value={false}>{t.common.no}</Radio>
                  </Radio.Group>
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Typography.Text strong>{t.calls.edit.collaborators}</Typography.Text>
          <Form.List name="collaborators">
            {(fields, { add, remove: removeRow }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[field.name, 'name']} rules={[requiredText(t.calls.edit.collaboratorName)]}>
                      <Input placeholder={t.calls.edit.collaboratorName} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'organization']}>
                      <Input placeholder={t.calls.edit.collaboratorOrganization} style={{ width: 280 }} />
                    </Form.Item>
                    <Button type="link" danger onClick={() => removeRow(field.name)}>
                      {t.common.delete}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ name: '' })} style={{ margin: '8px 0 16px' }}>
                  {t.calls.edit.addCollaborator}
                </Button>
              </>
            )}
          </Form.List>
          {editable ? (
            <div>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="application-save">
                {t.calls.edit.save}
              </Button>
            </div>
          ) : null}
        </Form>
      </Card>
      <Card
        size="small"
        title={t.calls.edit.materials}
        extra={<Typography.Text type="secondary">{t.calls.edit.uploadHint}</Typography.Text>}
      >
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={a.call.materials}
          columns={[
            {
              title: t.calls.field.materialName,
              render: (_, item) => (
                <>
                  {item.name} {item.required ? <Typography.Text type="danger">*</Typography.Text> : null}
                </>
              ),
            },
            {
              title: t.calls.review.materials,
              render: (_, item) => {
                const files = a.materials.filter((m) => m.code === item.code);
                if (!files.length) return <Typography.Text type="secondary">{t.calls.edit.notUploaded}</Typography.Text>;
                return files.map((m) => (
                  <div key={m.id}>
                    <Button type="link" size="small" onClick={() => void applicationsApi.downloadMaterial(a.id, m)}>
                      {m.fileName}
                    </Button>
                    {editable ? (
                      <Popconfirm
                        title={t.calls.edit.removeConfirm}
                        onConfirm={() => remove.mutate(m, { onError: (e) => notify.error(e) })}
                      >
                        <Button type="link" size="small" danger>
                          {t.calls.edit.removeMaterial}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </div>
                ));
              },
            },
            {
              title: t.common.actions,
              width: 100,
              render: (_, item) =>
                editable ? (
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif"
                    beforeUpload={(file) => {
                      upload.mutate(
                        { code: item.code, file },
                        { onSuccess: () => notify.success(t.calls.edit.uploaded(file.name)), onError: (e) => notify.error(e) },
                      );
                      return false;
                    }}
                  >
                    <Button size="small" loading={upload.isPending} data-testid={`upload-${item.code}`}>
                      {t.calls.edit.upload}
                    </Button>
                  </Upload>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
