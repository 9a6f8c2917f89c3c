import type { ReactNode } from 'react';
import { Button, Drawer, Flex } from 'antd';
import { t } from '../i18n/zh-CN';
import { ConflictAlert } from './ConflictAlert';

interface EditDrawerProps {
  open: boolean;
  title: ReactNode;
  width?: number;
  onClose: () => void;
  /** Submits the drawer's form (`form.submit()`). */
  onSave: () => void;
  saving: boolean;
  /** The last save answered 409: saving is disabled until the latest version is reloaded. */
  conflict: boolean;
  onReload: () => void;
  reloading: boolean;
  /** `data-testid` of the save button. */
  saveTestId: string;
  children: ReactNode;
}

/**
 * The drawer every record form opens in: cancel / save in the footer, and, after a stale save, the
 * version-conflict notice with its reload button above the form.
 */
export function EditDrawer({
  open,
  title,
  width = 760,
  onClose,
  onSave,
  saving,
  conflict,
  onReload,
  reloading,
  saveTestId,
  children,
}: EditDrawerProps) {
  return (
    <Drawer
      open={open}
      title={title}
      width={width}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="primary" loading={saving} disabled={conflict} onClick={onSave} data-testid={saveTestId}>
            {t.common.save}
          </Button>
        </Flex>
      }
    >
      {conflict ? <ConflictAlert onReload={onReload} reloading={reloading} /> : null}
      {children}
    </Drawer>
  );
}
