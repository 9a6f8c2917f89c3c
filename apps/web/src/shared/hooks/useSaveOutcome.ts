import type { FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError } from '../api/client';
import { t } from '../i18n/zh-CN';
import { useNotify } from './useNotify';

/**
 * What every create/edit form does with its save's outcome: on success a toast and `onDone`; on a stale `version`
 * the conflict notice (the form stays open so the user can reload the other person's version); any other error as a
 * toast and on the fields it names.
 */
export function useSaveOutcome(form: FormInstance) {
  const notify = useNotify();
  const [conflict, setConflict] = useState(false);
  return {
    conflict,
    clearConflict: () => setConflict(false),
    callbacks: <T>(isEditing: boolean, onDone: (result: T) => void) => ({
      onSuccess: (result: T) => {
        notify.success(isEditing ? t.common.saved : t.common.created);
        onDone(result);
      },
      onError: (error: unknown) => {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT') setConflict(true);
        else notify.error(error, form);
      },
    }),
  };
}
