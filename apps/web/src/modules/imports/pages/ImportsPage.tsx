import { DownloadOutlined, HistoryOutlined, InboxOutlined } from '@ant-design/icons';
import { type ImportKind, type ImportResult, importKinds } from '@stip/contracts';
import { Alert, Button, Card, Flex, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { importsApi } from '../api';
import { ImportErrorsPanel } from '../components/ImportErrorsPanel';
import { ImportResultPanel } from '../components/ImportResultPanel';
import { useImport } from '../hooks/useImport';

const text = t.imports;

type Outcome =
  | { kind: 'success'; result: ImportResult }
  | { kind: 'rejected'; message: string; details: NonNullable<ReturnType<typeof rejectedDetails>> }
  | { kind: 'failed'; message: string };

function rejectedDetails(error: unknown) {
  return isApiError(error) && error.code === 'IMPORT_REJECTED' ? error.details : null;
}

export default function ImportsPage() {
  const [kind, setKind] = useState<ImportKind>('organizations');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [downloading, setDownloading] = useState(false);
  const upload = useImport();
  const notify = useNotify();
  const navigate = useNavigate();

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      await importsApi.downloadTemplate(kind);
    } catch (error) {
      notify.error(error);
    } finally {
      setDownloading(false);
    }
  };

  const send = (file: File) => {
    setOutcome(null);
    upload.mutate(
      { kind, file },
      {
        onSuccess: (result) => setOutcome({ kind: 'success', result }),
        onError: (error) => {
          const details = rejectedDetails(error);
          setOutcome(
            details ? { kind: 'rejected', message: errorMessage(error), details } : { kind: 'failed', message: errorMessage(error) },
          );
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <Button icon={<HistoryOutlined />} onClick={() => navigate('/imports/history')} data-testid="import-history-open">
            {t.importHistory.open}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex vertical gap={16}>
          <Flex align="center" gap={12} wrap>
            <Typography.Text strong>{text.kind}</Typography.Text>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as ImportKind);
                setOutcome(null);
              }}
              options={importKinds.map((value) => ({ value, label: text.kinds[value] }))}
              data-testid="import-kind"
            />
          </Flex>
          <Flex align="center" gap={12} wrap>
            <Typography.Text>{text.stepTemplate}</Typography.Text>
            <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()} loading={downloading} data-testid="import-template">
              {text.template}
            </Button>
          </Flex>
          <div>
            <Typography.Paragraph>{text.stepUpload}</Typography.Paragraph>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={upload.isPending}
              beforeUpload={(file) => {
                if (!file.name.toLowerCase().endsWith('.xlsx')) {
                  setOutcome({ kind: 'failed', message: text.onlyXlsx });
                  return Upload.LIST_IGNORE;
                }
                send(file);
                // The request is ours (the API client), not the Upload component's.
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{upload.isPending ? text.uploading : text.upload}</p>
              <p className="ant-upload-hint">{text.uploadHint}</p>
            </Upload.Dragger>
          </div>
        </Flex>
      </Card>
      {outcome?.kind === 'success' ? <ImportResultPanel result={outcome.result} /> : null}
      {outcome?.kind === 'rejected' ? <ImportErrorsPanel message={outcome.message} details={outcome.details} /> : null}
      {outcome?.kind === 'failed' ? <Alert type="error" showIcon message={outcome.message} data-testid="import-failed" /> : null}
    </>
  );
}
