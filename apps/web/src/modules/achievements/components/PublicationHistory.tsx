import type { PublicationEvent } from '@stip/contracts';
import { Card, Empty, Timeline, Typography } from 'antd';
import { formatChineseDateTime } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';

/** A record's history (from its audit trail): when, who, what, and the reason given. */
export function PublicationHistory({ events }: { events: PublicationEvent[] }) {
  return (
    <Card size="small" title={t.sharing.history}>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.sharing.empty} />
      ) : (
        <Timeline
          items={events.map((event) => ({
            children: (
              <>
                <Typography.Text strong>{event.label}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {formatChineseDateTime(event.at)} {event.actor}
                </Typography.Text>
                {event.reason ? <div>{event.reason}</div> : null}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
