import { FlagOutlined } from '@ant-design/icons';
import { Button, Descriptions } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { formatChineseDate, formatText } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { PublicationDetailPage } from '../../achievements/components/PublicationDetailPage';
import { useDeleteDemand, useDemand, useTransitionDemand } from '../hooks/useDemands';

const text = t.sharing;
const fields = text.demand.fields;

/** One demand: its facts, its status with the moves the user may take, its history, matching and 揭榜挂帅. */
export default function DemandDetailPage() {
  const { id } = useParams<{ id: string }>();
  const demand = useDemand(id);
  const transition = useTransitionDemand();
  const remove = useDeleteDemand();
  const navigate = useNavigate();
  const canPostChallenge = useCan('challenge:write');
  return (
    <PublicationDetailPage
      kind="demand"
      record={demand}
      transition={transition}
      remove={remove}
      summary={(d) => ({ label: fields.description, text: d.description })}
      actions={(d) =>
        canPostChallenge && d.canEdit && d.status === 'published' ? (
          <Button icon={<FlagOutlined />} onClick={() => navigate(`/challenges/new?demandId=${d.id}`)} data-testid="demand-challenge">
            {text.postChallenge}
          </Button>
        ) : null
      }
      details={(d) => [
        <Descriptions.Item key="budget" label={fields.budget}>
          {d.budget === null ? text.none : text.yuan(d.budget)}
        </Descriptions.Item>,
        <Descriptions.Item key="deadline" label={fields.deadline}>
          {formatChineseDate(d.deadline)}
        </Descriptions.Item>,
        <Descriptions.Item key="enterprise" label={fields.enterprise}>
          {formatText(d.enterpriseName)}
        </Descriptions.Item>,
        <Descriptions.Item key="region" label={fields.region}>
          {d.region?.name ?? text.none}
        </Descriptions.Item>,
      ]}
    />
  );
}
