/**
 * 信用 (issue 20), the rules as data and the pure functions that read them: how a firm's grade is computed, how long a
 * penalty is published and when it may be repaired (信用修复), how long the authority has to answer, and the rating
 * rules of the merchant credit code (信用码). The services only load facts and store what these decide.
 */
import type { CreditGrade } from '../apply/tolerance';
import { type CalendarData, DEFAULT_CALENDAR } from '../calendar/data';
import { deadlineStatus, type Light } from '../calendar/lights';
import { CREDIT_GRADES } from '../policies/vocabulary';

/** The grade as the public badge says it, with its colour (a traffic-light scale: green is good). */
export const GRADE_BADGES: Readonly<Record<CreditGrade, { name: string; colour: string }>> = {
  A: { name: 'A 级 · 诚信经营', colour: '#1f8a4c' },
  B: { name: 'B 级 · 信用良好', colour: '#1d6fd1' },
  C: { name: 'C 级 · 信用警示', colour: '#b7791f' },
  D: { name: 'D 级 · 严重失信', colour: '#c8161d' },
};

/** 双公示 and the profile's other records. */
export const RECORD_KINDS = { licence: '行政许可', penalty: '行政处罚', honour: '守信激励' } as const;
export type RecordKind = keyof typeof RECORD_KINDS;
export const RECORD_KIND_IDS = Object.keys(RECORD_KINDS) as [RecordKind, ...RecordKind[]];

/**
 * How bad the dishonesty behind a penalty is, as the authority recorded it. 简易程序 penalties (a warning, a small
 * fine on the spot) are never published; the others are published for a period between a minimum (after which the
 * firm may ask for repair) and a maximum (after which the record leaves by itself).
 */
export const SEVERITIES = { minor: '简易程序（不予公示）', ordinary: '一般失信', serious: '严重失信' } as const;
export type Severity = keyof typeof SEVERITIES;
export const SEVERITY_IDS = Object.keys(SEVERITIES) as [Severity, ...Severity[]];

/**
 * Publication periods of a penalty, in months from its decision date, after the national rules on repairing credit
 * information once the dishonest conduct is corrected (失信行为纠正后的信用信息修复管理办法（试行）, 2023).
 */
export const PUBLICATION_RULES: Readonly<Record<Exclude<Severity, 'minor'>, { minMonths: number; maxMonths: number }>> = {
  ordinary: { minMonths: 3, maxMonths: 12 },
  serious: { minMonths: 12, maxMonths: 36 },
};

/** How long the authority has to answer, in working days from the day it receives the request (the district's rule). */
export const REVIEW_RULES = {
  repair: { name: '信用修复', days: 5 },
  objection: { name: '信用异议', days: 10 },
} as const;
export type ReviewKind = keyof typeof REVIEW_RULES;
export const REVIEW_KIND_IDS = Object.keys(REVIEW_RULES) as [ReviewKind, ...ReviewKind[]];
/** A request's state: 核查中, 同意 (the record leaves the profile), 不同意. */
export const REVIEW_STATUS_IDS = ['reviewing', 'approved', 'refused'] as const;
export type ReviewStatus = (typeof REVIEW_STATUS_IDS)[number];

/**
 * 越秀区企业政务信用评级: a firm starts from 100 points; each penalty still published takes points by its severity, an
 * objection under review takes none (the record is in doubt), each honour adds a few (to a cap). The grade is the
 * first threshold the score reaches. A serious penalty still published keeps the firm at C or below whatever else.
 */
export const GRADE_RULES = {
  version: '2026-01',
  name: '越秀区企业政务信用评级规则（2026 版）',
  start: 100,
  deduction: { ordinary: 8, serious: 30 } as Readonly<Record<Exclude<Severity, 'minor'>, number>>,
  honourPoints: 3,
  honourCap: 9,
  thresholds: [
    { grade: 'A', min: 90 },
    { grade: 'B', min: 75 },
    { grade: 'C', min: 60 },
    { grade: 'D', min: Number.NEGATIVE_INFINITY },
  ] as const satisfies readonly { grade: CreditGrade; min: number }[],
  seriousAtBest: 'C' as CreditGrade,
};
export type GradeRules = typeof GRADE_RULES;

/** The rules in words, for the page that shows them (an admin reads them; a firm sees why its grade is what it is). */
export function gradeRulesInWords(r: GradeRules = GRADE_RULES): string[] {
  const t = r.thresholds.filter((x) => Number.isFinite(x.min));
  return [
    `基础分 ${r.start} 分。`,
    `每条仍在公示期内的一般失信行政处罚扣 ${r.deduction.ordinary} 分，严重失信行政处罚扣 ${r.deduction.serious} 分；已修复、已到期或正在异议核查的不扣分。`,
    `每项守信激励（荣誉）加 ${r.honourPoints} 分，最多加 ${r.honourCap} 分。`,
    `${t.map((x) => `${x.min} 分及以上为 ${x.grade} 级`).join('，')}，低于 ${t[t.length - 1].min} 分为 D 级。`,
    `有严重失信行政处罚仍在公示期内的，最高评为 ${r.seriousAtBest} 级。`,
  ];
}

/** `YYYY-MM-DD` plus whole months; the 31st of a shorter month becomes its last day (2026-01-31 + 1 = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface PenaltyFacts {
  severity: Severity;
  /** 处罚决定日期 */
  decidedOn: string;
}

/** When a penalty may be repaired and when it leaves by itself; null for one never published (简易程序). */
export function publicationWindow(p: PenaltyFacts): { repairableFrom: string; leavesOn: string } | null {
  if (p.severity === 'minor') return null;
  const rule = PUBLICATION_RULES[p.severity];
  return { repairableFrom: addMonths(p.decidedOn, rule.minMonths), leavesOn: addMonths(p.decidedOn, rule.maxMonths) };
}

/** Is the record on the public profile today: a licence or honour always; a penalty inside its window, not repaired. */
export function isPublished(r: { kind: RecordKind; severity?: Severity; decidedOn: string; repairedAt?: string; removedAt?: string }, today: string): boolean {
  if (r.removedAt || r.repairedAt) return false;
  if (r.kind !== 'penalty') return true;
  const w = publicationWindow({ severity: r.severity ?? 'ordinary', decidedOn: r.decidedOn });
  return w !== null && r.decidedOn <= today && today < w.leavesOn;
}

/** Why a firm may not (yet) ask for this record to be repaired; undefined when it may. */
export function repairRefusal(
  r: { kind: RecordKind; severity?: Severity; decidedOn: string; repairedAt?: string; removedAt?: string; reviewing?: string | boolean },
  today: string,
): string | undefined {
  if (r.kind !== 'penalty') return '只有行政处罚信息可以申请信用修复；其他信息有误请提出信用异议';
  if (r.reviewing) return '这条信息已有申请正在核查，请等待结果';
  const w = publicationWindow({ severity: r.severity ?? 'ordinary', decidedOn: r.decidedOn });
  if (!w) return '适用简易程序的行政处罚不予公示，无需修复';
  if (!isPublished(r, today)) return '这条信息已不再公示，无需修复';
  if (today < w.repairableFrom) {
    const rule = PUBLICATION_RULES[r.severity === 'serious' ? 'serious' : 'ordinary'];
    return `该处罚信息未满最短公示期（${rule.minMonths} 个月），${w.repairableFrom} 起可以申请信用修复`;
  }
  return undefined;
}

/** Why a firm may not object to this record; undefined when it may (any record still on the public profile). */
export function objectionRefusal(
  r: { kind: RecordKind; severity?: Severity; decidedOn: string; repairedAt?: string; removedAt?: string; reviewing?: string | boolean },
  today: string,
) {
  if (r.reviewing) return '这条信息已有申请正在核查，请等待结果';
  if (!isPublished(r, today)) return '这条信息已不再公示';
  return undefined;
}

/** The authority's deadline and its traffic light for a repair or objection received on `receivedOn`. */
export function reviewClock(
  kind: ReviewKind,
  receivedOn: string,
  today: string,
  cal: CalendarData = DEFAULT_CALENDAR,
): { deadline: string; remainingDays: number; light: Light } {
  const s = deadlineStatus({ start: receivedOn, limitDays: REVIEW_RULES[kind].days, today }, cal);
  return { deadline: s.deadline, remainingDays: s.remainingDays, light: s.light };
}

export interface GradeFacts {
  /** penalties still published today (the caller filters with isPublished), with whether an objection is being checked */
  penalties: readonly { id: string; severity: Severity; title: string; decidedOn: string; reviewing?: string | boolean }[];
  honours: number;
}

export interface GradeReason {
  recordId?: string;
  points: number;
  text: string;
  /** what the firm can do about it, in words */
  advice?: string;
}

export interface GradeResult {
  grade: CreditGrade;
  score: number;
  reasons: GradeReason[];
}

/** The grade the rules give these facts, with every point gained or lost and why (the firm's own page lists them). */
export function computeGrade(f: GradeFacts, today: string, r: GradeRules = GRADE_RULES): GradeResult {
  const reasons: GradeReason[] = [];
  let score = r.start;
  let serious = false;
  for (const p of f.penalties) {
    if (p.severity === 'minor' || p.reviewing) continue;
    const points = r.deduction[p.severity];
    score -= points;
    serious ||= p.severity === 'serious';
    const w = publicationWindow(p);
    reasons.push({
      recordId: p.id,
      points: -points,
      text: `${SEVERITIES[p.severity]}行政处罚：${p.title}（${p.decidedOn}）`,
      advice:
        w && today >= w.repairableFrom
          ? `已满最短公示期，纠正失信行为后可申请信用修复；否则 ${w.leavesOn} 起不再公示`
          : w
            ? `${w.repairableFrom} 起可申请信用修复，${w.leavesOn} 起不再公示`
            : undefined,
    });
  }
  const honour = Math.min(r.honourCap, f.honours * r.honourPoints);
  if (honour > 0) {
    score += honour;
    reasons.push({ points: honour, text: `守信激励 ${f.honours} 项` });
  }
  let grade: CreditGrade = r.thresholds.find((t) => score >= t.min)?.grade ?? 'D';
  if (serious && CREDIT_GRADES.indexOf(grade) < CREDIT_GRADES.indexOf(r.seriousAtBest)) {
    grade = r.seriousAtBest;
    reasons.push({ points: 0, text: `有严重失信行政处罚仍在公示期内，最高评为 ${r.seriousAtBest} 级` });
  }
  return { grade, score, reasons };
}

/** The merchant rating rules (评价): one rating per person and merchant in a window, held words and storms held. */
export const RATING_RULES = {
  windowDays: 30,
  commentMax: 300,
  replyMax: 300,
  tagsMax: 5,
  /** 刷评: this many ratings of one merchant within the window from accounts younger than `newAccountDays` */
  storm: { windowMinutes: 60, newAccountDays: 7, threshold: 5 },
} as const;

export const RATING_TAGS = ['商品质量好', '服务热情', '明码标价', '环境整洁', '诚信经营', '价格偏高', '服务态度差', '货不对板', '卫生较差'] as const;
export type RatingTag = (typeof RATING_TAGS)[number];

/** The day a person may rate the same merchant again. */
export const nextRatingOn = (ratedOn: string) => {
  const d = new Date(`${ratedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + RATING_RULES.windowDays);
  return d.toISOString().slice(0, 10);
};

/** Is this account new for storm detection (created less than `newAccountDays` before `at`). */
export const isNewAccount = (createdAt: string | undefined, at: string) =>
  !createdAt || Date.parse(at) - Date.parse(createdAt) < RATING_RULES.storm.newAccountDays * 86_400_000;

/** The average shown: of shown ratings only, one decimal; null with none. */
export const ratingAverage = (sum: number, count: number): number | null => (count > 0 ? Math.round((sum / count) * 10) / 10 : null);
