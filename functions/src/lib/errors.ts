import type { ErrorCode, IssueDetail } from '@yx/shared';

/** A failure the caller can act on: mapped to its status and Chinese message, never a 500. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: IssueDetail[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: IssueDetail[]) => new AppError(400, 'VALIDATION_FAILED', message, details);
export const unauthenticated = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = '您没有权限进行此操作') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = '未找到相关内容') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (message: string) => new AppError(409, 'CONFLICT', message);
export const ruleViolation = (message: string) => new AppError(422, 'RULE_VIOLATION', message);
export const tooManyRequests = (message = '操作太频繁，请稍后再试') => new AppError(429, 'TOO_MANY_REQUESTS', message);
export const upstreamFailed = (message: string) => new AppError(502, 'UPSTREAM_FAILED', message);
