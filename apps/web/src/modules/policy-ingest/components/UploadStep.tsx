import { DeleteOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { ingestFileExtensions, ingestFileMaxBytes } from '@stip/contracts';
import { Alert, Button, Card, DatePicker, Divider, Flex, Form, Input, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api/client';
import { toDateString } from '../../../shared/forms/rules';
import { t } from '../../../shared/i18n/zh-CN';
import type { ExtractInput } from '../hooks/usePolicyIngest';

const text = t.ingest.upload;

interface UploadStepProps {
  onExtract: (input: ExtractInput) => void;
  isExtracting: boolean;
  error: unknown;
}

/** Step 1: a document (.docx / .pdf / .xlsx / .html / .txt) or its pasted text, and its date. */
export function UploadStep({ onExtract, isExtracting, error }: UploadStepProps) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [date, setDate] = useState<Dayjs | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const extract = () => {
    const day = toDateString(date) ?? undefined;
    if (file) onExtract({ kind: 'file', file, date: day });
    else if (pasted.trim()) onExtract({ kind: 'text', text: pasted, date: day });
    else setProblem(text.needInput);
  };

  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t.ingest.intro}</Typography.Paragraph>
      <Upload.Dragger
        accept={ingestFileExtensions.join(',')}
        multiple={false}
        showUploadList={false}
        disabled={isExtracting}
        beforeUpload={(chosen) => {
          const name = chosen.name.toLowerCase();
          if (!ingestFileExtensions.some((extension) => name.endsWith(extension))) setProblem(text.onlyTypes);
          else if (chosen.size > ingestFileMaxBytes) setProblem(text.tooLarge);
          else {
            setFile(chosen);
            setProblem(null);
          }
          // The request is ours (on 读取文件), not the Upload component's.
          return false;
        }}
        data-testid="ingest-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{text.dragger}</p>
        <p className="ant-upload-hint">{text.hint}</p>
      </Upload.Dragger>
      {file ? (
        <Flex align="center" gap={8} style={{ marginTop: 8 }} data-testid="ingest-file">
          <FileTextOutlined />
          <Typography.Text>{text.chosen(file.name)}</Typography.Text>
          <Button size="small" type="link" icon={<DeleteOutlined />} onClick={() => setFile(null)}>
            {text.remove}
          </Button>
        </Flex>
      ) : null}
      <Divider plain>{text.orPaste}</Divider>
      <Input.TextArea
        value={pasted}
        onChange={(event) => {
          setPasted(event.target.value);
          setProblem(null);
        }}
        placeholder={text.pastePlaceholder}
        autoSize={{ minRows: 6, maxRows: 14 }}
        disabled={!!file || isExtracting}
        data-testid="ingest-paste"
      />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={text.date} extra={text.dateHint} style={{ marginBottom: 12 }}>
          <DatePicker value={date} onChange={setDate} style={{ width: 200 }} data-testid="ingest-date" />
        </Form.Item>
      </Form>
      {problem ? <Alert type="warning" showIcon message={problem} style={{ marginBottom: 12 }} /> : null}
      {error ? <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} data-testid="ingest-error" /> : null}
      <Button type="primary" onClick={extract} loading={isExtracting} data-testid="ingest-extract">
        {text.extract}
      </Button>
    </Card>
  );
}
