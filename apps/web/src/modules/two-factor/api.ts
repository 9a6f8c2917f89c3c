import type { EnrolledLogin, RecoveryCodes, SessionUser, TwoFactorEnrolment, User } from '@stip/contracts';
import { zTwoFactorStatus } from '@stip/contracts';
import { api } from '../../shared/api/client';

export const twoFactorApi = {
  /** The second step of a sign-in: a code from the app or a recovery code. */
  loginWithCode: (body: { pendingToken: string; code: string }) => api.post<SessionUser>('/auth/login/second-factor', body),
  /** Sign-in of an account that must enrol first. */
  startLoginEnrolment: (body: { pendingToken: string }) => api.post<TwoFactorEnrolment>('/auth/login/enrolment', body),
  confirmLoginEnrolment: (body: { pendingToken: string; code: string }) => api.post<EnrolledLogin>('/auth/login/enrolment/confirm', body),
  status: () => api.get('/auth/two-factor', zTwoFactorStatus),
  startEnrolment: () => api.post<TwoFactorEnrolment>('/auth/two-factor/enrolment'),
  confirmEnrolment: (body: { code: string }) => api.post<RecoveryCodes>('/auth/two-factor/enrolment/confirm', body),
  disable: (body: { code: string }) => api.post<{ ok: true }>('/auth/two-factor/disable', body),
  regenerateRecoveryCodes: (body: { code: string }) => api.post<RecoveryCodes>('/auth/two-factor/recovery-codes', body),
  resetForUser: (id: string, body: { version: number }) => api.put<User>(`/users/${id}/two-factor/reset`, body),
};
