import { GRADE_RULES, computeGrade, isPublished } from '@yx/shared';
import { nowIso } from '../lib/clock';
import { log } from '../lib/log';
import { enqueue } from '../lib/queue';
import { today } from './firm';
import * as repo from './repository';

/** The credit worker's messages: recompute a firm's grade (its records changed). */
export interface GradeMessage {
  kind: 'grade';
  code: string;
}

/** Hands the firms' grades to the credit worker (a queue: the request that changed a record does not wait for it). */
export const queueGrade = (codes: readonly string[]) =>
  enqueue(
    'credit',
    [...new Set(codes)].map((code) => ({ kind: 'grade', code }) satisfies GradeMessage),
  );

/**
 * 评级: the grade the rules give the firm's published records today, stored with its reasons and counts; a change of
 * grade is written with the registry row's grade and a history row in one transaction (only over the grade read, so
 * two runs record it once). Reads: the firm, its published penalties and honours, a count of its licences.
 */
export async function recomputeGrade(code: string): Promise<{ grade: string; changed: boolean } | undefined> {
  const read = await repo.readFirm(code, true);
  if (!read.firm) return undefined;
  const day = today();
  const [penalties, honours, licences] = await Promise.all([
    repo.everyPublished(code, 'penalty'),
    repo.everyPublished(code, 'honour'),
    repo.countPublished(code, 'licence'),
  ]);
  // a penalty whose period ended today and the sweep has not reached yet no longer counts
  const live = penalties.filter((p) => isPublished(p, day));
  const result = computeGrade(
    {
      penalties: live.map((p) => ({
        id: p.id,
        severity: p.severity ?? 'ordinary',
        title: p.title,
        decidedOn: p.decidedOn,
        reviewing: p.reviewing === 'objection',
      })),
      honours: honours.length,
    },
    day,
  );
  const at = nowIso();
  const before = read.firm.grade;
  const changed = result.grade !== before || !read.summary;
  const summary: repo.CreditSummaryRecord = {
    creditCode: code,
    grade: result.grade,
    score: result.score,
    reasons: result.reasons,
    counts: { licence: licences, penalty: live.length, honour: honours.length },
    rulesVersion: GRADE_RULES.version,
    computedAt: at,
  };
  const change =
    result.grade !== before
      ? { creditCode: code, at, from: before, to: result.grade, score: result.score, reason: reasonOf(result.reasons, before, result.grade) }
      : undefined;
  if (!(await repo.saveGrade(summary, change))) {
    log.info('credit grade moved meanwhile', { creditCode: code });
    return { grade: result.grade, changed: false };
  }
  return { grade: result.grade, changed: changed && Boolean(change) };
}

/** The change's reason in words: what now costs points, or that nothing does. */
function reasonOf(reasons: ReturnType<typeof computeGrade>['reasons'], from: string, to: string): string {
  const lost = reasons.filter((r) => r.points < 0).map((r) => r.text);
  const better = to < from;
  if (!lost.length) return `无仍在公示期内的失信信息，信用等级由 ${from} 级调整为 ${to} 级`;
  return `${better ? '部分失信信息已修复或到期' : '新增失信信息'}，按${GRADE_RULES.name}由 ${from} 级调整为 ${to} 级；扣分项：${lost.slice(0, 3).join('；')}${lost.length > 3 ? ' 等' : ''}`;
}

/** The worker: each message a firm, recomputed (a failure throws, so the queue retries it and at last dead-letters it). */
export async function runGradeWork(m: GradeMessage): Promise<void> {
  if (m.kind === 'grade') await recomputeGrade(m.code);
}

/** Days back the daily sweep reads, so a missed run is caught up. */
const SWEEP_DAYS = 14;

/**
 * The daily sweep: published penalties whose maximum period is over leave the public profile by themselves (once each:
 * only while still published), and their firms' grades are recomputed.
 */
export async function sweepExpiredRecords(day = today()): Promise<{ expired: number }> {
  const at = nowIso();
  const firms = new Set<string>();
  let expired = 0;
  for (let i = SWEEP_DAYS; i >= 0; i--) {
    const d = new Date(Date.parse(`${day}T00:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10);
    for (const due of await repo.leavingOn(d)) {
      const r = await repo.getRecord(due.creditCode, due.id, true);
      if (r && (await repo.expireRecord(r, at))) {
        expired++;
        firms.add(r.creditCode);
      }
    }
  }
  if (firms.size) await queueGrade([...firms]);
  return { expired };
}
