import type { Platform } from '@stip/contracts';
import { Descriptions, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime, formatText } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { PlatformStatusTag } from './PlatformStatusTag';

const fields = t.platformFields;

/** Every field of a platform, as a bordered sheet. */
export function PlatformDescriptions({ platform }: { platform: Platform }) {
  const link = (id: string | null, name: string | null) => (id && name ? <Link to={`/platforms/${id}`}>{name}</Link> : t.common.none);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="platform-descriptions">
      <Descriptions.Item label={fields.name} span="filled">
        {platform.name}
      </Descriptions.Item>
      <Descriptions.Item label={fields.systemName}>{platform.systemName}</Descriptions.Item>
      <Descriptions.Item label={fields.typeName}>{platform.typeName}</Descriptions.Item>
      <Descriptions.Item label={fields.level}>{t.labels.platformLevel[platform.level]}</Descriptions.Item>
      <Descriptions.Item label={fields.status}>
        <PlatformStatusTag status={platform.status} />
      </Descriptions.Item>
      <Descriptions.Item label={fields.hostOrganizationName}>{platform.hostOrganizationName}</Descriptions.Item>
      <Descriptions.Item label={fields.regionName}>{platform.regionName}</Descriptions.Item>
      <Descriptions.Item label={fields.coBuilders} span="filled">
        {platform.coBuilders.length ? t.common.list(platform.coBuilders.map((ref) => ref.name)) : t.common.none}
      </Descriptions.Item>
      <Descriptions.Item label={fields.industry}>{formatText(platform.industry)}</Descriptions.Item>
      <Descriptions.Item label={fields.director}>{formatText(platform.director)}</Descriptions.Item>
      <Descriptions.Item label={fields.technicalFields} span="filled">
        {platform.technicalFields.length ? (
          <Space size={[0, 4]} wrap>
            {platform.technicalFields.map((field) => (
              <Tag key={field}>{field}</Tag>
            ))}
          </Space>
        ) : (
          t.common.none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={fields.recognitionDocNo}>{formatText(platform.recognitionDocNo)}</Descriptions.Item>
      <Descriptions.Item label={fields.recognizedOn}>{formatDate(platform.recognizedOn)}</Descriptions.Item>
      <Descriptions.Item label={fields.constructionEndsOn}>{formatDate(platform.constructionEndsOn)}</Descriptions.Item>
      <Descriptions.Item label={fields.parentPlatformName}>
        {link(platform.parentPlatformId, platform.parentPlatformName)}
      </Descriptions.Item>
      <Descriptions.Item label={fields.successorPlatformName}>
        {link(platform.successorPlatformId, platform.successorPlatformName)}
      </Descriptions.Item>
      <Descriptions.Item label={fields.validFrom}>{formatDate(platform.validFrom)}</Descriptions.Item>
      <Descriptions.Item label={fields.updatedAt}>{formatDateTime(platform.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label={fields.version}>{platform.version}</Descriptions.Item>
      <Descriptions.Item label={fields.remarks} span="filled">
        <span style={{ whiteSpace: 'pre-wrap' }}>{formatText(platform.remarks)}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
