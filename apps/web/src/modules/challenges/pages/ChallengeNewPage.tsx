import type { CreateChallenge } from '@stip/contracts';
import { Alert, Button, Card, Form, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../shared/components/PageHeader';
import { requiredChoice, toDateString } from '../../../shared/forms/rules';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { challengesApi } from '../api';
import { ChallengeFields, type ChallengeFormValues } from '../components/ChallengeFields';
import { useChallengesMutation, useDemandChoices } from '../hooks/useChallenges';

/** 发布榜单: a list built on a demand (`?demandId=` preselects and prefills it), saved as a draft. */
export default function ChallengeNewPage() {
  const [search] = useSearchParams();
  const presetDemandId = search.get('demandId') ?? undefined;
  const navigate = useNavigate();
  const notify = useNotify();
  const [form] = Form.useForm<ChallengeFormValues & { demandId: string }>();
  const [keyword, setKeyword] = useState('');
  const debounced = useDebouncedValue(keyword);
  const choices = useDemandChoices(debounced ? { keyword: debounced } : {});
  const preset = useDemandChoices(presetDemandId ? { id: presetDemandId } : {});
  const create = useChallengesMutation((body: CreateChallenge) => challengesApi.create(body));
  const f = t.challenges.field;

  const presetDemand = presetDemandId ? preset.data?.items.find((d) => d.id === presetDemandId) : undefined;
  useEffect(() => {
    if (presetDemand && !form.getFieldValue('demandId'))
      form.setFieldsValue({ demandId: presetDemand.id, title: presetDemand.title, requirements: presetDemand.description || undefined });
  }, [presetDemand, form]);

  const options = [...(presetDemand ? [presetDemand] : []), ...(choices.data?.items ?? []).filter((d) => d.id !== presetDemand?.id)];
  return (
    <>
      <PageHeader title={t.challenges.create} />
      <Card size="small" style={{ maxWidth: 880 }}>
        <Alert type="info" showIcon message={t.challenges.form.demandHint} style={{ marginBottom: 16 }} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            create.mutate(
              {
                demandId: values.demandId,
                title: values.title,
                reward: values.reward,
                applicationDeadline: toDateString(values.applicationDeadline)!,
                completionDeadline: toDateString(values.completionDeadline),
                ...(values.rewardNote ? { rewardNote: values.rewardNote } : {}),
                ...(values.requirements ? { requirements: values.requirements } : {}),
              },
              {
                onSuccess: (saved) => {
                  notify.success(t.challenges.form.saved);
                  navigate(`/challenges/${saved.id}`);
                },
                onError: (error) => notify.error(error, form),
              },
            )
          }
        >
          <Form.Item name="demandId" label={f.demand} rules={[requiredChoice(f.demand)]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setKeyword}
              placeholder={t.challenges.form.demandPlaceholder}
              notFoundContent={t.challenges.form.noDemands}
              loading={choices.isFetching}
              data-testid="challenge-demand"
              onChange={(id: string) => {
                const demand = options.find((d) => d.id === id);
                if (demand && !form.getFieldValue('title')) form.setFieldsValue({ title: demand.title });
              }}
              options={options.map((d) => ({
                value: d.id,
                label: d.enterpriseName ? `${d.title}（${d.enterpriseName}）` : d.title,
              }))}
            />
          </Form.Item>
          <ChallengeFields />
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="challenge-save">
              {t.challenges.form.save}
            </Button>
            <Button onClick={() => navigate('/challenges')}>{t.common.cancel}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
