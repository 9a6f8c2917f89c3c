import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorBody, type ErrorDetail, ErrorCode, errorMessages, errorStatus } from '@stip/contracts';
import { AppError } from '../shared/app-error';
import { isUniqueViolation } from '../shared/database-errors';

/** Where a validation issue sits, as a user would name it: `body.name`, `query.limit`. */
function validationDetails(error: {
  validation: { instancePath?: string; message?: string; params?: unknown }[];
  validationContext?: string;
}): ErrorDetail[] {
  return error.validation.slice(0, 20).map((issue) => {
    const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return { field: [error.validationContext, path].filter(Boolean).join('.'), message: issue.message ?? '格式不正确' };
  });
}

function body(code: ErrorCode, message?: string, details?: ErrorDetail[]): ErrorBody {
  return { code, message: message ?? errorMessages[code], ...(details?.length ? { details } : {}) };
}

/** One place turns every failure into `{ code, message }`: user mistakes are 4xx, internals never leak. */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = validationDetails(error as never);
      const first = details[0];
      const message = first ? `${errorMessages.VALIDATION_FAILED}：${first.field ? `${first.field} ` : ''}${first.message}` : undefined;
      return reply.status(400).send(body(ErrorCode.ValidationFailed, message, details));
    }
    if (isUniqueViolation(error)) {
      // A create or rename raced another past the service's own check; the unique index decided.
      request.log.info({ err: error }, 'unique violation answered as 409');
      return reply
        .status(errorStatus(ErrorCode.AlreadyExists))
        .send(body(ErrorCode.AlreadyExists, '记录已存在（可能刚被他人创建），请刷新后查看'));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.status(500).send(body(ErrorCode.Internal));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return reply.status(413).send(body(ErrorCode.PayloadRejected));
    }
    if (status === 415) return reply.status(415).send(body(ErrorCode.PayloadRejected, '不支持的内容类型'));
    if (status === 429) return reply.status(429).send(body(ErrorCode.RateLimited));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, bad content length, invalid multipart …
      return reply.status(400).send(body(ErrorCode.ValidationFailed, `${errorMessages.VALIDATION_FAILED}：请求格式不正确`));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(body(ErrorCode.Internal));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(errorStatus(ErrorCode.NotFound)).send(body(ErrorCode.NotFound, '接口不存在'));
  });
});
