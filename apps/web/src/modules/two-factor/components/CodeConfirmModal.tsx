import { Modal, Typography } from 'antd';
import { CodeForm } from './CodeForm';

/** Re-authenticates a change to one's own two-factor sign-in with a current code (or a recovery code). */
export function CodeConfirmModal({
  open,
  title,
  hint,
  submitText,
  pending,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  hint: string;
  submitText: string;
  pending: boolean;
  onSubmit: (code: string) => void;
  onClose: () => void;
}) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <CodeForm allowRecoveryCode pending={pending} submitText={submitText} onSubmit={onSubmit} testId="two-factor-confirm-form" />
    </Modal>
  );
}
