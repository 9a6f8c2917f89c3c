import { grantGradeLabels, grantKindLabels, type RoundGrantPreview } from '@stip/contracts';
import { Alert, Button, Empty, Flex, Form, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { fundingApi } from '../api';
import { useFinalRounds, useFundingMutation } from '../hooks/useFunding';

const text = t.funding.round;
type Line = RoundGrantPreview['lines'][number];

/** Grants for a final evaluation round by the subsidy rules: preview first, then all made at once (or none). */
export function RoundGrantsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const rounds = useFinalRounds(open);
  const [roundId, setRoundId] = useState<string | undefined>();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [preview, setPreview] = useState<RoundGrantPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const create = useFundingMutation(fundingApi.createFromRound);
  const notify = useNotify();

  const close = () => {
    setPreview(null);
    onClose();
  };
  const runPreview = async () => {
    if (!roundId) return;
    setPreviewing(true);
    try {
      setPreview(await fundingApi.previewRound({ roundId, year }));
    } catch (error) {
      setPreview(null);
      notify.error(error);
    } finally {
      setPreviewing(false);
    }
  };
  const granted = preview?.lines.filter((line) => line.amount !== null).length ?? 0;

  return (
    <Modal
      open={open}
      title={text.title}
      onCancel={close}
      width={820}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t.common.cancel}
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={!preview || granted === 0}
          loading={create.isPending}
          data-testid="round-grants-confirm"
          onClick={() =>
            preview &&
            create.mutate(
              { roundId: preview.roundId, year: preview.year },
              {
                onSuccess: (result) => {
                  notify.success(text.done(result.created));
                  close();
                },
                onError: (error) => notify.error(error),
              },
            )
          }
        >
          {preview ? text.confirm(granted, t.funding.yuan(preview.total)) : text.preview}
        </Button>,
      ]}
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={text.round}>
          <Select
            style={{ width: 320 }}
            value={roundId}
            onChange={(value: string) => {
              setRoundId(value);
              setPreview(null);
            }}
            loading={rounds.isFetching}
            notFoundContent={text.noRounds}
            options={(rounds.data ?? []).map((round) => ({ value: round.id, label: round.title }))}
            data-testid="round-grants-round"
          />
        </Form.Item>
        <Form.Item label={text.year}>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(value) => {
              if (value) setYear(value);
              setPreview(null);
            }}
          />
        </Form.Item>
        <Button onClick={() => void runPreview()} loading={previewing} disabled={!roundId} data-testid="round-grants-preview">
          {text.preview}
        </Button>
      </Form>
      {preview ? (
        <>
          <Table<Line>
            size="small"
            rowKey="resultId"
            bordered
            pagination={false}
            dataSource={preview.lines}
            scroll={{ y: 360 }}
            columns={[
              { title: t.funding.grant.fields.platform, dataIndex: 'platformName' },
              {
                title: t.funding.grant.fields.grade,
                dataIndex: 'grade',
                width: 90,
                render: (grade: Line['grade']) => (grade ? grantGradeLabels[grade] : t.common.none),
              },
              {
                title: t.funding.grant.fields.kind,
                dataIndex: 'kind',
                width: 100,
                render: (kind: Line['kind']) => (kind ? grantKindLabels[kind] : t.common.none),
              },
              {
                title: t.funding.grant.fields.amount,
                dataIndex: 'amount',
                width: 200,
                align: 'right',
                render: (amount: string | null, line) =>
                  amount ? (
                    t.funding.yuan(amount)
                  ) : (
                    <Typography.Text type="secondary">{`${text.skipped}：${line.skippedReason ?? ''}`}</Typography.Text>
                  ),
              },
            ]}
          />
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            <Typography.Text strong>{text.total(t.funding.yuan(preview.total))}</Typography.Text>
            {preview.budgetLeftAfter === null ? (
              <Alert type="warning" showIcon message={text.noBudget} />
            ) : (
              <Typography.Text type={preview.budgetLeftAfter.startsWith('-') ? 'danger' : 'secondary'}>
                {text.budgetLeft(t.funding.yuan(preview.budgetLeftAfter))}
              </Typography.Text>
            )}
          </Flex>
        </>
      ) : (
        <Empty description={text.previewEmpty} />
      )}
    </Modal>
  );
}
