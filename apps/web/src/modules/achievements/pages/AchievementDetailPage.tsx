import { Descriptions } from 'antd';
import { useParams } from 'react-router-dom';
import { formatText } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { PublicationDetailPage } from '../components/PublicationDetailPage';
import { useAchievement, useDeleteAchievement, useTransitionAchievement } from '../hooks/useAchievements';

const text = t.sharing;
const fields = text.achievement.fields;

/** One achievement: its facts, its status with the moves the user may take, its history, and the way to matching. */
export default function AchievementDetailPage() {
  const { id } = useParams<{ id: string }>();
  const achievement = useAchievement(id);
  const transition = useTransitionAchievement();
  const remove = useDeleteAchievement();
  return (
    <PublicationDetailPage
      kind="achievement"
      record={achievement}
      transition={transition}
      remove={remove}
      summary={(a) => ({ label: fields.abstract, text: a.abstract })}
      details={(a) => [
        <Descriptions.Item key="maturity" label={fields.maturity}>
          {a.maturity ? text.maturity[a.maturity] : text.none}
        </Descriptions.Item>,
        <Descriptions.Item key="discipline" label={fields.discipline}>
          {formatText(a.discipline)}
        </Descriptions.Item>,
        <Descriptions.Item key="owner" label={fields.owner}>
          {formatText(a.ownerName)}
        </Descriptions.Item>,
        <Descriptions.Item key="ownerType" label={fields.ownerType}>
          {a.ownerType ? text.ownerType[a.ownerType] : text.none}
        </Descriptions.Item>,
        <Descriptions.Item key="team" label={fields.team}>
          {formatText(a.team)}
        </Descriptions.Item>,
        <Descriptions.Item key="region" label={fields.region}>
          {a.region?.name ?? text.none}
        </Descriptions.Item>,
        <Descriptions.Item key="transferModes" label={fields.transferModes}>
          {a.transferModes.length ? a.transferModes.map((m) => text.transferMode[m]).join('、') : text.none}
        </Descriptions.Item>,
        <Descriptions.Item key="price" label={fields.price}>
          {text.priceRange(a.priceMin, a.priceMax)}
        </Descriptions.Item>,
        <Descriptions.Item key="patents" label={fields.patents} span={2}>
          {a.patents.length
            ? a.patents.map((p) => (
                <div key={p.number}>
                  {p.number}
                  {p.title ? ` ${p.title}` : ''}
                  {p.kind ? `（${p.kind}）` : ''}
                </div>
              ))
            : text.none}
        </Descriptions.Item>,
      ]}
    />
  );
}
