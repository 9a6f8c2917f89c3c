import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { isMissingRecord } from './LoadFailed';

describe('a detail page’s missing record', () => {
  it('is a record the API says is not there for this user (404, 403, or a malformed id), not a failure to try again', () => {
    expect(isMissingRecord(new ApiError(404, 'NOT_FOUND', '记录不存在'))).toBe(true);
    expect(isMissingRecord(new ApiError(403, 'FORBIDDEN', '没有权限'))).toBe(true);
    expect(isMissingRecord(new ApiError(400, 'VALIDATION_FAILED', '编号格式不正确'))).toBe(true);
    expect(isMissingRecord(new ApiError(500, 'INTERNAL', '服务器错误'))).toBe(false);
    expect(isMissingRecord(new ApiError(0, 'NETWORK', '网络错误'))).toBe(false);
    expect(isMissingRecord(new Error('x'))).toBe(false);
  });
});
