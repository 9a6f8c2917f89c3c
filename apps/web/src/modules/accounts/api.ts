import type {
  AssignRole,
  CreateUser,
  Login,
  LoginResult,
  OrganizationOptionQuery,
  Setup,
  UpdateUser,
  User,
  UserQuery,
} from '@stip/contracts';
import { zNamedRef, zPage, zSessionUser, zSetupStatus, zUser } from '@stip/contracts';
import { api } from '../../shared/api/client';

export interface SetupStatus {
  needsSetup: boolean;
  demo: boolean;
}

export const accountsApi = {
  me: () => api.get('/auth/me', zSessionUser),
  login: (body: Login) => api.post<LoginResult>('/auth/login', body),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<{ ok: true }>('/auth/password', body),
  setupStatus: () => api.get('/setup', zSetupStatus),
  setup: (body: Setup) => api.post<{ ok: true }>('/setup', body),
  users: (query: Partial<UserQuery>) => api.get('/users', zPage(zUser), query),
  organizationOptions: (query: Partial<OrganizationOptionQuery>) => api.get('/users/organization-options', zPage(zNamedRef), query),
  createUser: (body: CreateUser) => api.post<User>('/users', body),
  updateUser: (id: string, body: UpdateUser) => api.patch<User>(`/users/${id}`, body),
  assignRole: (id: string, body: AssignRole) => api.put<User>(`/users/${id}/role`, body),
  setActive: (id: string, body: { isActive: boolean; version: number }) => api.put<User>(`/users/${id}/active`, body),
  resetPassword: (id: string, body: { password: string; version: number }) => api.put<User>(`/users/${id}/password`, body),
  unlock: (id: string) => api.post<User>(`/users/${id}/unlock`),
};
