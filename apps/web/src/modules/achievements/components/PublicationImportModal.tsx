import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ErrorDetail } from '@stip/contracts';
import { Alert, Button, Checkbox, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../shared/api/client';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { publicationImportApi } from '../api';
import { usePublicationImport } from '../hooks/useAchievements';

interface Props {
  kind: 'achievements' | 'demands';
  open: boolean;
  /** Reviewing staff may publish the imported rows at once. */
  canPublish: boolean;
  onClose: () => void;
}

/** Excel import of achievements or demands from the list page: the template, the upload, and the error report. */
export function PublicationImportModal({ kind, open, canPublish, onClose }: Props) {
  const upload = usePublicationImport(kind);
  const notify = useNotify();
  const [publish, setPublish] = useState(false);
  const [problems, setProblems] = useState<{ message: string; details: ErrorDetail[] } | null>(null);
  const what = kind === 'achievements' ? t.sharing.achievement.entity : t.sharing.demand.entity;
  const close = () => {
    setProblems(null);
    setPublish(false);
    onClose();
  };
  return (
    <Modal open={open} title={t.sharing.importTitle(what)} onCancel={close} footer={null} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t.sharing.importHint}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => publicationImportApi.template(kind).catch((error: unknown) => notify.error(error))}
        >
          {t.sharing.template}
        </Button>
        {canPublish ? (
          <Checkbox checked={publish} onChange={(event) => setPublish(event.target.checked)} data-testid="import-publish">
            {t.sharing.publishOnImport}
          </Checkbox>
        ) : null}
        <Link to="/imports/history">{t.sharing.importHistory}</Link>
      </Flex>
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          if (!file.name.toLowerCase().endsWith('.xlsx')) {
            notify.error(new Error(t.imports.onlyXlsx));
            return Upload.LIST_IGNORE;
          }
          setProblems(null);
          upload.mutate(
            { file, publish },
            {
              onSuccess: (result) => {
                notify.success(t.sharing.importDone(result.created, result.updated));
                close();
              },
              onError: (error) =>
                setProblems({
                  message: errorMessage(error),
                  details: isApiError(error) && error.code === 'IMPORT_REJECTED' ? error.details : [],
                }),
            },
          );
          return false;
        }}
        data-testid="publication-import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{upload.isPending ? t.imports.uploading : t.imports.upload}</p>
      </Upload.Dragger>
      {problems ? (
        <div style={{ marginTop: 12 }} data-testid="publication-import-errors">
          <Alert type="error" showIcon message={problems.message} style={{ marginBottom: 8 }} />
          {problems.details.length ? (
            <Table<ErrorDetail>
              size="small"
              bordered
              rowKey={(d) => `${d.row ?? ''}:${d.field ?? ''}:${d.message}`}
              dataSource={problems.details}
              pagination={problems.details.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              columns={[
                { title: t.sharing.errorColumns.row, dataIndex: 'row', width: 60, render: (row?: number) => row ?? t.sharing.none },
                { title: t.sharing.errorColumns.field, dataIndex: 'field', width: 140, render: (f?: string) => f ?? t.sharing.none },
                { title: t.sharing.errorColumns.message, dataIndex: 'message' },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
