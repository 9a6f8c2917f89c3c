/**
 * Every error the API answers with. Each code maps to exactly one HTTP status (see `errorStatus`)
 * and one Chinese message in the catalogue (`messages.errors`). The web client shows the message
 * for the code; the server may add detail (`details`) for forms and import reports.
 */
export const ErrorCode = {
  /** The body, query or path failed schema validation. */
  ValidationFailed: 'VALIDATION_FAILED',
  /** No valid session cookie. */
  Unauthenticated: 'UNAUTHENTICATED',
  /** Username/password pair wrong (never says which). */
  InvalidCredentials: 'INVALID_CREDENTIALS',
  /** Too many failed logins; the account is locked for a while. */
  AccountLocked: 'ACCOUNT_LOCKED',
  /** A two-factor code (or recovery code) is wrong, outside the time window, or already used. */
  TwoFactorCodeInvalid: 'TWO_FACTOR_CODE_INVALID',
  /** The sign-in's pending second step is unknown, used, expired or failed too often: sign in again. */
  LoginChallengeExpired: 'LOGIN_CHALLENGE_EXPIRED',
  /** The account has been disabled by an administrator. */
  AccountDisabled: 'ACCOUNT_DISABLED',
  /** The actor's role does not grant the permission the route declares. */
  Forbidden: 'FORBIDDEN',
  /** Account administration aimed at an administrator's or one's own account, or granting an administrator role (三权分立). */
  AdministratorProtected: 'ADMINISTRATOR_PROTECTED',
  /** The record does not exist or lies outside the actor's scope (never tells which). */
  NotFound: 'NOT_FOUND',
  /** The record changed since the client read it (stale `version`). */
  VersionConflict: 'VERSION_CONFLICT',
  /** A unique value (username, credit code, type name …) is already taken. */
  AlreadyExists: 'ALREADY_EXISTS',
  /** The requested change breaks a domain rule (e.g. retiring a type into itself). */
  RuleViolation: 'RULE_VIOLATION',
  /** A lifecycle move the record's current status does not allow (e.g. 撤销 a revoked platform). */
  TransitionNotAllowed: 'TRANSITION_NOT_ALLOWED',
  /** An uploaded spreadsheet has bad rows; nothing was imported. */
  ImportRejected: 'IMPORT_REJECTED',
  /** Initial setup was requested but accounts already exist. */
  SetupAlreadyDone: 'SETUP_ALREADY_DONE',
  /** First-start setup without the right one-time setup token (missing, wrong, used or expired). */
  SetupTokenInvalid: 'SETUP_TOKEN_INVALID',
  /** The session's password was reset by an administrator and must be changed before anything else. */
  PasswordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  /** Request body too large or unsupported media type. */
  PayloadRejected: 'PAYLOAD_REJECTED',
  /** Too many requests from one client. */
  RateLimited: 'RATE_LIMITED',
  /** Anything unexpected; details are logged, never sent. */
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function errorStatus(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.ImportRejected:
      return 400;
    case ErrorCode.Unauthenticated:
    case ErrorCode.InvalidCredentials:
    case ErrorCode.TwoFactorCodeInvalid:
    case ErrorCode.LoginChallengeExpired:
      return 401;
    case ErrorCode.Forbidden:
    case ErrorCode.AccountDisabled:
    case ErrorCode.AdministratorProtected:
    case ErrorCode.SetupTokenInvalid:
    case ErrorCode.PasswordChangeRequired:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.VersionConflict:
    case ErrorCode.AlreadyExists:
    case ErrorCode.SetupAlreadyDone:
    case ErrorCode.TransitionNotAllowed:
      return 409;
    case ErrorCode.PayloadRejected:
      return 413;
    case ErrorCode.RuleViolation:
      return 422;
    case ErrorCode.AccountLocked:
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.Internal:
      return 500;
  }
}

/** One problem with one field or cell, for forms and import reports. */
export interface ErrorDetail {
  /** Spreadsheet row (1-based, as Excel shows it) when the detail comes from an import. */
  row?: number;
  /** Field name or spreadsheet column header. */
  field?: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}
