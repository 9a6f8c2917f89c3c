import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { t } from '../i18n/zh-CN';

/** A table row's icon buttons 编辑 / 删除 (each only when its handler is given), labelled for screen readers and tests. */
export function EditDeleteActions({ onEdit, onDelete }: { onEdit?: (() => void) | undefined; onDelete?: (() => void) | undefined }) {
  return (
    <Space size={0}>
      {onEdit ? (
        <Tooltip title={t.common.edit}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t.common.edit} />
        </Tooltip>
      ) : null}
      {onDelete ? (
        <Tooltip title={t.common.delete}>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={onDelete} aria-label={t.common.delete} />
        </Tooltip>
      ) : null}
    </Space>
  );
}
