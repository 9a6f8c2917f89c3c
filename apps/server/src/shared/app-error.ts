import { type ErrorCode, type ErrorDetail, errorMessages, errorStatus } from '@stip/contracts';

/** The one error type services throw; the error handler turns it into `{ code, message, details }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, options: { message?: string; details?: ErrorDetail[]; cause?: unknown } = {}) {
    super(options.message ?? errorMessages[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus(code);
    this.details = options.details;
  }
}

export const notFound = (message?: string) => new AppError('NOT_FOUND', message ? { message } : {});
export const versionConflict = () => new AppError('VERSION_CONFLICT');
/** VALIDATION_FAILED naming one input field: the message, and one detail for that field. */
export const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { message, details: [{ field, message }] });
export const ruleViolation = (message: string, details?: ErrorDetail[]) =>
  new AppError('RULE_VIOLATION', { message, ...(details ? { details } : {}) });
