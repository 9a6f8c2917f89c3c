import { App, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../api/client';
import { applyApiErrors } from '../forms/applyApiErrors';

/** Success and error toasts through antd's App context; an error with field details also marks the form. */
export function useNotify() {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      success: (text: string) => {
        void message.success(text);
      },
      error: (error: unknown, form?: FormInstance) => {
        if (form) applyApiErrors(form, error);
        void message.error(errorMessage(error));
      },
    }),
    [message],
  );
}
