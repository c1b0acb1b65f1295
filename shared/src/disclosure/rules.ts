/**
 * 依申请公开: requests for government information and their deadlines, as the 政府信息公开条例 (2019) sets them (pure).
 * Dates are business dates (YYYY-MM-DD, Asia/Shanghai); periods are working days.
 */
import { type CalendarData, DEFAULT_CALENDAR } from '../calendar/data';
import { addWorkingDays, workingDaysBetween } from '../calendar/workdays';

/** The 条例's periods, in working days, and the district's practice where the 条例 leaves it open. */
export const DISCLOSURE_RULES = {
  /** art. 33: a reply within 20 working days of receipt */
  replyDays: 20,
  /** art. 33: one extension of up to 20 more, approved by the head of the office */
  extensionMaxDays: 20,
  /** art. 30: a 补正 notice within 7 working days of receipt */
  clarifyWithinDays: 7,
  /** art. 30 leaves 「合理的补正期限」 to the body: the district gives 15 working days; unanswered, the request is abandoned */
  clarifyAnswerDays: 15,
  /** art. 32: a third party asked for its opinion answers within 15 working days */
  thirdPartyDays: 15,
  /** art. 35: 「数量、频次明显超过合理范围」, as the district's practice reads it: this many requests in these many days */
  frequent: { requests: 10, days: 30 },
  /** art. 35: the longer reply period set for a request beyond a reasonable number, at most this many working days */
  art35MaxDays: 60,
} as const;

/** The items handled by the 条例 rather than as a licence (their own actions, deadlines and replies). */
export const DISCLOSURE_ITEMS: ReadonlySet<string> = new Set(['information-disclosure']);
export const isDisclosure = (itemId: string) => DISCLOSURE_ITEMS.has(itemId);

/**
 * The replies a body gives (art. 36, with art. 37's partial disclosure and art. 35's 不予处理): what each is called and
 * which article it rests on.
 */
export const REPLY_KINDS = {
  published: { name: '已主动公开', article: '第三十六条第（一）项' },
  disclosed: { name: '予以公开', article: '第三十六条第（二）项' },
  partial: { name: '部分公开', article: '第三十七条' },
  withheld: { name: '不予公开', article: '第三十六条第（三）项' },
  not_exist: { name: '信息不存在', article: '第三十六条第（四）项' },
  not_ours: { name: '非本机关负责公开', article: '第三十六条第（五）项' },
  repeated: { name: '重复申请', article: '第三十六条第（六）项' },
  other_law: { name: '另有规定', article: '第三十六条第（七）项' },
  not_processed: { name: '不予处理', article: '第三十五条' },
} as const;
export type ReplyKind = keyof typeof REPLY_KINDS;
export const REPLY_KIND_IDS = Object.keys(REPLY_KINDS) as [ReplyKind, ...ReplyKind[]];

/** The exemptions of arts. 14–16, each with its legal basis as a reply cites it. */
export const EXEMPTIONS = {
  state_secret: { name: '国家秘密', basis: '《中华人民共和国政府信息公开条例》第十四条（依法确定为国家秘密的政府信息）' },
  law_forbids: { name: '法律、行政法规禁止公开', basis: '《中华人民共和国政府信息公开条例》第十四条（法律、行政法规禁止公开的政府信息）' },
  security: {
    name: '危及安全和稳定',
    basis: '《中华人民共和国政府信息公开条例》第十四条（公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息）',
  },
  third_party: { name: '商业秘密、个人隐私', basis: '《中华人民共和国政府信息公开条例》第十五条（涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的）' },
  internal: { name: '内部事务信息', basis: '《中华人民共和国政府信息公开条例》第十六条第一款（人事管理、后勤管理、内部工作流程等方面的信息）' },
  process: { name: '过程性信息', basis: '《中华人民共和国政府信息公开条例》第十六条第二款（讨论记录、过程稿、磋商信函、请示报告等过程性信息）' },
  enforcement: { name: '行政执法案卷信息', basis: '《中华人民共和国政府信息公开条例》第十六条第二款（行政执法案卷信息）' },
} as const;
export type Exemption = keyof typeof EXEMPTIONS;
export const EXEMPTION_IDS = Object.keys(EXEMPTIONS) as [Exemption, ...Exemption[]];

/** What every reply tells the requester they may do (the 条例 art. 51). */
export const DISCLOSURE_REMEDIES =
  '申请人认为本答复侵犯其合法权益的，可以自收到本答复之日起六十日内向广州市越秀区人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼；也可以向越秀区政务公开工作主管部门投诉、举报。';

/** The facts of a request's clock, as the application keeps them. */
export interface DisclosureClockFacts {
  /** 收到申请之日 (art. 31): the day the request arrived */
  receivedOn: string;
  /** the day the 补正 answer arrived (art. 30): the clock counts again from it */
  restartedOn?: string;
  /** the extension granted (art. 33, or art. 35's longer period), in working days */
  extensionDays?: number;
  /** working days spent asking a third party or another body (art. 33: not counted) */
  pausedDays?: number;
}

/** The reply deadline: 20 working days from receipt (or from the 补正 answer), plus an extension and the days paused. */
export function replyDeadline(c: DisclosureClockFacts, cal: CalendarData = DEFAULT_CALENDAR): string {
  return addWorkingDays(c.restartedOn ?? c.receivedOn, DISCLOSURE_RULES.replyDays + (c.extensionDays ?? 0) + (c.pausedDays ?? 0), cal);
}

/** The last day a 补正 notice may be sent (art. 30: within 7 working days of receipt). */
export const clarifyBy = (receivedOn: string, cal: CalendarData = DEFAULT_CALENDAR) => addWorkingDays(receivedOn, DISCLOSURE_RULES.clarifyWithinDays, cal);

/** Why a 补正 notice cannot be sent now, or undefined: one notice, within 7 working days of receipt. */
export function clarifyRefusal(o: { receivedOn: string; clarified: boolean; today: string }, cal: CalendarData = DEFAULT_CALENDAR): string | undefined {
  if (o.clarified) return '补正只能一次性告知，本申请已告知过补正';
  if (o.today > clarifyBy(o.receivedOn, cal)) {
    return `补正告知应在收到申请之日起 ${DISCLOSURE_RULES.clarifyWithinDays} 个工作日内（${clarifyBy(o.receivedOn, cal)} 前）作出，已超过期限，请直接答复`;
  }
  return undefined;
}

export type ExtensionBasis = 'art33' | 'art35';

/** Why an extension cannot be granted, or undefined (art. 33: once, ≤ 20 days, before the deadline; art. 35: frequent requesters only). */
export function extensionRefusal(o: {
  basis: ExtensionBasis;
  days: number;
  alreadyExtended: boolean;
  deadline: string;
  today: string;
  frequent: boolean;
}): string | undefined {
  if (o.alreadyExtended) return '答复期限只能延长一次，本申请已延长过';
  if (o.today > o.deadline) return `答复期限已于 ${o.deadline} 届满，不能再延长，请尽快答复`;
  if (o.basis === 'art33' && o.days > DISCLOSURE_RULES.extensionMaxDays) return `延长答复期限最长不超过 ${DISCLOSURE_RULES.extensionMaxDays} 个工作日`;
  if (o.basis === 'art35') {
    if (!o.frequent) return '申请人的申请数量、频次未明显超过合理范围，不能适用第三十五条延迟答复';
    if (o.days > DISCLOSURE_RULES.art35MaxDays) return `延迟答复的期限最长不超过 ${DISCLOSURE_RULES.art35MaxDays} 个工作日`;
  }
  return undefined;
}

/** Whether a requester's requests exceed a reasonable number (art. 35): the receipt dates of their requests, this one included. */
export function isFrequentRequester(receipts: string[], today: string): boolean {
  const from = shiftDays(today, -DISCLOSURE_RULES.frequent.days);
  return receipts.filter((d) => d > from && d <= today).length >= DISCLOSURE_RULES.frequent.requests;
}

/** The day a third party asked on `since` must answer by (art. 32). */
export const thirdPartyDue = (since: string, cal: CalendarData = DEFAULT_CALENDAR) => addWorkingDays(since, DISCLOSURE_RULES.thirdPartyDays, cal);

/** The clock as the requester and the officer see it: the deadline, working days used and left. */
export function disclosureClock(c: DisclosureClockFacts, today: string, cal: CalendarData = DEFAULT_CALENDAR) {
  const deadline = replyDeadline(c, cal);
  const start = c.restartedOn ?? c.receivedOn;
  const limit = DISCLOSURE_RULES.replyDays + (c.extensionDays ?? 0);
  const used = Math.max(0, workingDaysBetween(start, today, cal) - (c.pausedDays ?? 0));
  return { deadline, limit, used, remaining: limit - used };
}

function shiftDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
