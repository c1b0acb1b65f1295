/**
 * 依申请公开 (issue 19) inside the applications engine: the 政府信息公开条例's steps an officer takes — 补正 within 7
 * working days (art. 30), asking a third party or another body (arts. 32–33, not counted), one extension (art. 33) or
 * art. 35's longer period, and the reply (arts. 35–37) — and the clock and reply as people see them.
 *
 * The 条例's clock is kept in the engine's own fields, so lights, queues, 督办 and lookups work unchanged:
 * `acceptedOn` = the day the clock counts from (receipt, or the 补正 answer), `statutoryDays` = 20 + the extension,
 * `statutoryPausedDays` = the days others were asked; the promised clock (`startDate`, `promisedDays`, `pausedDays`)
 * moves alongside.
 */
import {
  addWorkingDays,
  businessDate,
  clarifyBy,
  clarifyRefusal,
  DISCLOSURE_REMEDIES,
  DISCLOSURE_RULES,
  EXCLUDED_KINDS,
  EXEMPTIONS,
  extensionRefusal,
  isDisclosure,
  isFrequentRequester,
  REPLY_KINDS,
  replyDeadline,
  thirdPartyDue,
  workingDaysBetween,
  type CalendarData,
  type DisclosureClockFacts,
  type DisclosureView,
  type ExcludedKind,
  type ExtensionBasis,
  type Procedure,
  type ReplyKind,
} from '@yx/shared';
import { ruleViolation } from '../lib/errors';
import { now } from '../lib/clock';
import { readyFileOf } from '../files/service';
import * as repo from './repository';

/** 获取信息的方式 as the form offers them (art. 29). */
const INFO_FORMATS: Readonly<Record<string, string>> = { electronic: '电子文档（在线获取）', post: '纸质件邮寄', pickup: '当面领取' };

export const procedureOf = (app: Pick<repo.ApplicationRecord, 'itemId'>): Procedure => (isDisclosure(app.itemId) ? 'disclosure' : 'licence');

/** The clock's facts from the application (the days paused: asking others, in the statutory count). */
export function clockFacts(app: repo.ApplicationRecord): DisclosureClockFacts {
  const d = app.disclosure!;
  return {
    receivedOn: d.receivedOn,
    ...(d.restartedOn ? { restartedOn: d.restartedOn } : {}),
    ...(d.extension ? { extensionDays: d.extension.days } : {}),
    pausedDays: app.statutoryPausedDays ?? 0,
  };
}

/** Pages of 50 read at most for art. 35's count: 200 applications of any kind in 30 days is far past the threshold. */
const RECENT_PAGES = 4;

/**
 * Art. 35: how many requests the requester made in the last 30 days (this one included), from their own list, newest
 * first, read until it is older than the window (other kinds of applications share the list, so one page may not do).
 */
export async function recentRequests(app: repo.ApplicationRecord, today: string): Promise<{ count: number; frequent: boolean }> {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - DISCLOSURE_RULES.frequent.days * 86_400_000).toISOString().slice(0, 10);
  const items: repo.ApplicationRecord[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < RECENT_PAGES; i++) {
    const page = await repo.listByApplicant(app.applicantId, undefined, 50, cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    const oldest = page.items[page.items.length - 1];
    if (!cursor || !oldest || oldest.submittedAt.slice(0, 10) <= from) break;
  }
  const receipts = items.filter((a) => a.disclosure).map((a) => a.disclosure!.receivedOn);
  return { count: receipts.filter((d) => d > from && d <= today).length, frequent: isFrequentRequester(receipts, today) };
}

type FileLink = { url: string; contentType: string; fileName: string };

/** The request's clock and reply as the requester sees it; `officer` adds the 补正 cut-off and art. 35's figures. */
export function disclosureView(
  app: repo.ApplicationRecord,
  cal: CalendarData,
  files: Map<string, FileLink>,
  officer?: { recent: { count: number; frequent: boolean } },
): DisclosureView | undefined {
  const d = app.disclosure;
  if (!d) return undefined;
  const r = d.reply;
  const words = app.disclosureReply;
  const consulting = app.excludedPeriod && ['third-party', 'other-body'].includes(app.excludedPeriod.kind) ? app.excludedPeriod : undefined;
  const a = app.answers;
  const text = (k: string) => (typeof a[k] === 'string' && a[k] ? (a[k] as string) : undefined);
  return {
    request: {
      requestedInfo: text('requestedInfo') ?? '',
      ...(text('documentNo') ? { documentNo: text('documentNo') } : {}),
      format: INFO_FORMATS[text('infoFormat') ?? ''] ?? '未注明',
      ...(text('clarification') ? { clarification: text('clarification') } : {}),
    },
    receivedOn: d.receivedOn,
    ...(d.restartedOn ? { restartedOn: d.restartedOn } : {}),
    ...(d.abandonedOn ? { abandonedOn: d.abandonedOn } : {}),
    deadline: replyDeadline(clockFacts(app), cal),
    // the last day a 补正 may be sent, while it still may (the server's day: the phone's clock may differ)
    ...(officer && !d.clarifiedOn && !r && businessDate(now()) <= clarifyBy(d.receivedOn, cal) ? { clarifyBy: clarifyBy(d.receivedOn, cal) } : {}),
    ...(d.extension ? { extension: d.extension } : {}),
    ...(consulting
      ? {
          consulting: {
            name: EXCLUDED_KINDS[consulting.kind],
            since: consulting.since,
            ...(consulting.kind === 'third-party' ? { answerBy: thirdPartyDue(consulting.since, cal) } : {}),
          },
        }
      : {}),
    pausedDays: app.statutoryPausedDays ?? 0,
    ...(officer ? { recentRequests: officer.recent.count, frequent: officer.recent.frequent } : {}),
    ...(r && words
      ? {
          reply: {
            kind: r.kind,
            kindName: REPLY_KINDS[r.kind].name,
            on: r.on,
            onTime: r.onTime,
            text: words.text,
            ...(words.where ? { where: words.where } : {}),
            ...(words.exemption ? { exemption: EXEMPTIONS[words.exemption] } : {}),
            ...(words.withheld ? { withheld: words.withheld } : {}),
            ...(words.rightBody ? { rightBody: words.rightBody } : {}),
            ...(words.earlierAppNo ? { earlierAppNo: words.earlierAppNo } : {}),
            files: r.fileIds.filter((id) => files.has(id)).map((id) => ({ fileId: id, ...files.get(id)! })),
            remedies: DISCLOSURE_REMEDIES,
          },
        }
      : {}),
  };
}

/** The actions the state allows, less those the 条例 no longer does: a second extension, a 补正 after its 7 days or a second one. */
export function stillAllowed<A extends string>(app: repo.ApplicationRecord, actions: A[], cal: CalendarData): A[] {
  const d = app.disclosure;
  if (!d) return actions;
  const today = businessDate(now());
  return actions.filter(
    (a) =>
      !(a === 'extend' && d.extension) &&
      !(a === 'requestSupplement' && clarifyRefusal({ receivedOn: d.receivedOn, clarified: Boolean(d.clarifiedOn), today }, cal)),
  );
}

/** What an officer's disclosure step changes: the fields, the trail's note, the requester's message, the queue's new place. */
export interface Step {
  set: repo.ApplicationChange;
  note: string;
  message: string;
  queueMove?: string;
}

/** 补正 (art. 30): one notice, within 7 working days of receipt; the requester has 15 working days to answer. */
export function clarifyStep(app: repo.ApplicationRecord, items: { material: string; reason: string }[], today: string, cal: CalendarData) {
  const d = app.disclosure!;
  const refusal = clarifyRefusal({ receivedOn: d.receivedOn, clarified: Boolean(d.clarifiedOn), today }, cal);
  if (refusal) throw ruleViolation(refusal);
  const dueDate = addWorkingDays(today, DISCLOSURE_RULES.clarifyAnswerDays, cal);
  return {
    dueDate,
    disclosure: { ...d, clarifiedOn: today },
    message: `${app.itemName}：申请内容需要补正（${items.map((i) => i.material).join('、')}）。请于 ${dueDate} 前补正；答复期限自收到补正之日起重新计算，逾期未补正视为放弃申请。`,
  };
}

/** Asking a third party (art. 32: it has 15 working days) or another body: the words for the trail and the requester. */
export function consultWords(kind: ExcludedKind, today: string, cal: CalendarData): { note: string; message: string } | undefined {
  if (kind === 'third-party') {
    const due = thirdPartyDue(today, cal);
    return {
      note: `征求第三方意见，第三方应于 ${due} 前提出意见（条例第三十二条；所需时间不计入答复期限）`,
      message: `您申请的信息可能涉及第三方合法权益，已书面征求第三方意见（第三方应于 ${due} 前提出意见），所需时间不计入答复期限。`,
    };
  }
  if (kind === 'other-body') {
    return {
      note: '征求其他机关意见（条例第三十三条；所需时间不计入答复期限）',
      message: '您申请的信息需征求其他机关意见，所需时间不计入答复期限。',
    };
  }
  return undefined;
}

/** 延长答复期限 (art. 33: once, ≤ 20 working days, approved by the head of the office) or art. 35's longer period. */
export async function extendStep(
  app: repo.ApplicationRecord,
  body: { basis: ExtensionBasis; days: number; approvedBy: string; reason: string },
  today: string,
  cal: CalendarData,
): Promise<Step> {
  const d = app.disclosure!;
  const deadline = replyDeadline(clockFacts(app), cal);
  const frequent = body.basis === 'art35' ? (await recentRequests(app, today)).frequent : false;
  const refusal = extensionRefusal({ basis: body.basis, days: body.days, alreadyExtended: Boolean(d.extension), deadline, today, frequent });
  if (refusal) throw ruleViolation(refusal);
  const extension = { basis: body.basis, days: body.days, approvedBy: body.approvedBy, reason: body.reason, on: today };
  const newDeadline = replyDeadline({ ...clockFacts(app), extensionDays: body.days }, cal);
  const article = body.basis === 'art33' ? '第三十三条' : '第三十五条';
  return {
    set: { statutoryDays: app.statutoryDays + body.days, promisedDays: app.promisedDays + body.days, disclosure: { ...d, extension } },
    note: `经政府信息公开工作机构负责人${body.approvedBy}同意，依据条例${article}延长答复期限 ${body.days} 个工作日，至 ${newDeadline}。理由：${body.reason}`,
    message: `${app.itemName}：因${body.reason}，经批准答复期限延长 ${body.days} 个工作日，将于 ${newDeadline} 前答复。`,
    queueMove: addWorkingDays(app.startDate, app.promisedDays + body.days + app.pausedDays, cal),
  };
}

/** The reply's body as the schema gives it. */
export interface ReplyInput {
  kind: ReplyKind;
  text: string;
  files?: string[];
  where?: string;
  exemption?: keyof typeof EXEMPTIONS;
  withheld?: string;
  rightBody?: { name: string; contact?: string };
  earlierAppNo?: string;
}

/** 答复: checks what the kind rests on (the attachments are the officer's own PDFs; 重复 an earlier reply; 不予处理 art. 35). */
export async function replyStep(
  app: repo.ApplicationRecord,
  officerId: string,
  body: ReplyInput,
  today: string,
  cal: CalendarData,
): Promise<Step & { usedDays: number; onTime: boolean }> {
  const d = app.disclosure!;
  const fileIds = body.files ?? [];
  for (const id of fileIds) {
    const f = await readyFileOf(officerId, id);
    if (!f) throw ruleViolation('答复附件未上传完成或不是您上传的，请重新上传');
    if (f.contentType !== 'application/pdf') throw ruleViolation(`答复附件应为 PDF 文件：${f.fileName}`);
  }
  if (body.kind === 'repeated') {
    const earlier = body.earlierAppNo && body.earlierAppNo !== app.appNo ? await repo.getApplication(body.earlierAppNo) : undefined;
    // art. 36(6): the same person, and this body already answered it
    if (!earlier || earlier.applicantId !== app.applicantId || earlier.departmentId !== app.departmentId || !earlier.disclosure?.reply) {
      throw ruleViolation('未找到该申请人此前向本机关提出并已答复的申请，不能按重复申请答复');
    }
  }
  if (body.kind === 'not_processed' && !(await recentRequests(app, today)).frequent) {
    throw ruleViolation('申请人的申请数量、频次未明显超过合理范围，不能依据第三十五条不予处理');
  }
  const deadline = replyDeadline(clockFacts(app), cal);
  const onTime = today <= deadline;
  const usedDays = Math.max(0, workingDaysBetween(app.acceptedOn ?? d.receivedOn, today, cal) - (app.statutoryPausedDays ?? 0));
  const kind = REPLY_KINDS[body.kind];
  return {
    set: {
      disclosure: { ...d, reply: { kind: body.kind, on: today, onTime, fileIds } },
      disclosureReply: {
        text: body.text,
        ...(body.where ? { where: body.where } : {}),
        ...(body.exemption ? { exemption: body.exemption } : {}),
        ...(body.withheld ? { withheld: body.withheld } : {}),
        ...(body.rightBody ? { rightBody: body.rightBody } : {}),
        ...(body.earlierAppNo ? { earlierAppNo: body.earlierAppNo } : {}),
      },
    },
    // the trail says the kind and the article; the words are in the reply (sealed) and its document
    note: `答复类型：${kind.name}（条例${kind.article}）${fileIds.length ? `，附件 ${fileIds.length} 份` : ''}${onTime ? '' : '（超过答复期限）'}`,
    message: `${app.itemName} 已答复：${kind.name}。答复书已放入您的证照夹${fileIds.length ? '，所提供的信息可在办件详情中下载' : ''}。`,
    usedDays,
    onTime,
  };
}
