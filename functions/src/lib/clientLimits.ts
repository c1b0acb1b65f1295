import { limiter } from './rateLimit';

/**
 * 每个账号的频率限制 (per client) on the routes that make things: one account flooding appeals, applications or upload
 * tickets is refused with 429, whatever the API's overall throttling allows. A read of the account's window before the
 * work and a count after a success (a retried submit answered with the first result, or a refused request, counts
 * nothing, so a rejected request writes nothing). `CLIENT_LIMIT_SCALE` multiplies the limits (the bench's load and the
 * test run's shared demo accounts go far beyond one person).
 */
const HOUR = 3600;
const scale = () => Math.max(1, Number(process.env.CLIENT_LIMIT_SCALE) || 1);

const LIMITS = {
  applications: { limit: 30, message: '一小时内提交的申请太多，请稍后再试；如需批量办理请到政务服务大厅' },
  workorders: { limit: 20, message: '一小时内提交的诉求太多，请稍后再试；紧急情况请拨打 12345' },
  files: { limit: 300, message: '一小时内上传的文件太多，请稍后再试' },
  // 居民议事 (issue 19): a resident's topics and comments
  topics: { limit: 5, message: '一小时内提出的议题太多，请稍后再试' },
  comments: { limit: 60, message: '一小时内发表的评论太多，请稍后再试' },
} as const;
export type CreationKind = keyof typeof LIMITS;
export const creationLimit = (kind: CreationKind) => LIMITS[kind].limit * scale();

/** Runs `make` within the account's hourly allowance for this kind; `made` says whether it made something new. */
export async function withinCreationLimit<T>(kind: CreationKind, userId: string, make: () => Promise<T>, made: (r: T) => boolean): Promise<T> {
  const l = limiter(`make-${kind}`, { limit: creationLimit(kind), windowSeconds: HOUR, message: LIMITS[kind].message });
  await l.guard(userId);
  const r = await make();
  if (made(r)) await l.hit(userId);
  return r;
}
