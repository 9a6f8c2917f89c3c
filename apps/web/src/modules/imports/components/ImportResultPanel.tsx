import type { ImportResult } from '@stip/contracts';
import { Button, Card, Col, Result, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.imports;

/** What an accepted import did: how many records were added, updated and left as they were. */
export function ImportResultPanel({ result }: { result: ImportResult }) {
  return (
    <Card size="small" data-testid="import-result">
      <Result
        status="success"
        title={text.successTitle}
        subTitle={text.rows(result.rows)}
        extra={
          <Link to={`/${result.kind}`}>
            <Button type="primary" data-testid="import-goto-list">
              {text.gotoList[result.kind]}
            </Button>
          </Link>
        }
      >
        <Row gutter={16} style={{ textAlign: 'center' }}>
          <Col span={8}>
            <Statistic title={text.created} value={result.created} valueStyle={{ color: '#389e0d' }} data-testid="import-created" />
          </Col>
          <Col span={8}>
            <Statistic title={text.updated} value={result.updated} valueStyle={{ color: '#1d4f91' }} data-testid="import-updated" />
          </Col>
          <Col span={8}>
            <Statistic title={text.unchanged} value={result.unchanged} data-testid="import-unchanged" />
          </Col>
        </Row>
      </Result>
    </Card>
  );
}
