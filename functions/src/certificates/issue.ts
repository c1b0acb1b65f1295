/**
 * 出具电子证明: the certificate of an application, made, sealed, stored and recorded at once when what it certifies is
 * on record, or by the department's officer after 准予. Runs only in the issuing function (pdf-lib and the fonts).
 */
import { createHash, randomInt } from 'node:crypto';
import { CERTIFICATE_ITEMS, CHECK_CODE_ALPHABET, addWorkingDays, businessDate, type ApplicationState, type CalendarData, type DocumentView } from '@yx/shared';
import { now } from '../lib/clock';
import { env } from '../lib/env';
import { conflict, notFound, ruleViolation } from '../lib/errors';
import { isConditionFailure, transact } from '../lib/db';
import { hashSecret } from '../lib/ids';
import { allocateNumbers, getUser } from '../lib/repository';
import { objectStore } from '../lib/storage';
import { log } from '../lib/log';
import * as apps from '../applications/repository';
import { getEnterprise, type EnterpriseRecord, type UserRecord } from '../identity/repository';
import { getCalendar } from '../calendar/repository';
import { noticeItems } from '../messages/repository';
import { NOTICE_FOR, noticeText } from './notices';
import { DISCLOSURE_NOTICE_FOR, disclosureNoticeText, type DisclosureNoticeKind } from './disclosureNotices';
import { missingGlyphs, renderDocument } from './pdf';
import { sealPdf } from './seal';
import { signingKey } from './keys';
import { recordsOf } from './records';
import { certificateText, cnDate, maskedSubject, type CertificateText, type Subject } from './templates';
import * as repo from './repository';
import { documentView } from './views';

const published = new Set<string>();

/** 核验码: 6 characters without look-alikes. */
export const newCheckCode = () => Array.from({ length: 6 }, () => CHECK_CODE_ALPHABET[randomInt(CHECK_CODE_ALPHABET.length)]).join('');
export const checkCodeHash = (serial: string, code: string) => hashSecret(`doc:${serial}:${code}`);

/** The last day of validity: `days` from the issue date, inclusive of it. */
export function validUntil(today: string, days: number | undefined): string | undefined {
  if (!days) return undefined;
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return d.toISOString().slice(0, 10);
}

/** Whom the certificate is about: the firm (read once by the caller) or the holder's proven name and ID. */
function subjectOf(app: apps.ApplicationRecord, holder: UserRecord, firm: EnterpriseRecord | undefined): Subject {
  if (CERTIFICATE_ITEMS[app.itemId].holder === 'firm') {
    if (!firm) throw ruleViolation('该证明以企业名义出具，请以企业身份申请');
    return { name: firm.name, idLabel: '统一社会信用代码', idNumber: firm.creditCode };
  }
  if (!holder.realName || !holder.idNumber) throw ruleViolation('出具证明需要您先完成实名认证');
  return { name: holder.realName, idLabel: '公民身份号码', idNumber: holder.idNumber };
}

/** Who may ask: the applicant (at once, from the records) or an officer of the department (after 准予). Others: 404. */
function callerRole(caller: UserRecord, app: apps.ApplicationRecord): 'applicant' | 'officer' {
  if (caller.id === app.applicantId && (caller.role === 'resident' || caller.role === 'enterprise')) return 'applicant';
  if (caller.role === 'staff' && caller.departmentId === app.departmentId) return 'officer';
  throw notFound('未找到该办件');
}

/**
 * A document made, sealed and stored (not yet recorded): the serial from the day's sequence (`ZM` certificates, `TZ`
 * notices), a new check code, the department's key (published once per container before its first seal).
 */
export async function produce(o: {
  kind: 'certificate' | 'notice';
  template: string;
  text: CertificateText;
  app: Pick<apps.ApplicationRecord, 'appNo' | 'itemId' | 'departmentId' | 'departmentName'>;
  holderId: string;
  subject: Subject;
  at: Date;
  validUntil?: string;
}): Promise<repo.DocumentRecord> {
  const { app, text, at } = o;
  const today = businessDate(at);
  const prefix = o.kind === 'certificate' ? 'ZM' : 'TZ';
  const [n] = await allocateNumbers(`${prefix}${today.replace(/-/g, '')}`, 1);
  const serial = `${prefix}${today.replace(/-/g, '')}${String(n).padStart(6, '0')}`;
  const checkCode = newCheckCode();
  const key = signingKey(app.departmentId);
  if (!published.has(key.keyId)) {
    await repo.publishSealKey({ keyId: key.keyId, departmentId: key.departmentId, publicKey: key.publicKey, createdAt: at.toISOString() });
    published.add(key.keyId);
  }
  const pdf = sealPdf(
    await renderDocument({
      title: text.title,
      ...(text.salutation ? { salutation: text.salutation } : {}),
      paragraphs: text.paragraphs,
      facts: text.facts,
      issuer: app.departmentName,
      issuedOn: cnDate(today),
      serial,
      checkCode,
      ...(o.validUntil ? { validUntil: cnDate(o.validUntil) } : {}),
      verifyUrl: `${env.appOrigin}/v/${serial}?c=${checkCode}`,
      keyId: key.keyId,
      at,
    }),
    key.privateKey,
    key.publicKey,
  );
  const objectKey = `documents/${serial}.pdf`;
  await objectStore().put(objectKey, pdf, 'application/pdf');
  return {
    serial,
    kind: o.kind,
    template: o.template,
    title: text.title,
    itemId: app.itemId,
    appNo: app.appNo,
    departmentId: app.departmentId,
    issuer: app.departmentName,
    keyId: key.keyId,
    holderId: o.holderId,
    subject: o.subject.name,
    subjectMasked: maskedSubject(o.subject),
    issuedAt: at.toISOString(),
    ...(o.validUntil ? { validUntil: o.validUntil } : {}),
    status: 'valid',
    checkCode,
    checkCodeHash: checkCodeHash(serial, checkCode),
    sm3: createHash('sm3').update(pdf).digest('hex'),
    objectKey,
    bytes: pdf.length,
  };
}

export async function issueForApplication(caller: UserRecord, appNo: string): Promise<DocumentView> {
  const { app, events } = await apps.getApplicationWithEvents(appNo);
  if (!app) throw notFound('未找到该办件');
  const role = callerRole(caller, app);
  const spec = CERTIFICATE_ITEMS[app.itemId];
  if (!spec) throw ruleViolation('该事项的结果不是电子证明');
  // issued before (a second tap, the page opened again): the application lists it, no other read needed
  const certificates = (app.documents ?? []).filter((d) => d.kind === 'certificate');
  const valid = certificates.find((d) => d.status === 'valid');
  if (valid) return documentView((await repo.getDocument(valid.serial))!);
  // one revoked (a mistake on it): the department issues it again, under a guard of its own
  const reissue = certificates.length > 0;
  const template = reissue ? `${app.itemId}#${certificates.length + 1}` : app.itemId;

  const at = now();
  const today = businessDate(at);
  const holder = role === 'applicant' ? caller : await getUser(app.applicantId);
  if (!holder) throw notFound('未找到申请人');
  if (role === 'applicant') {
    if (app.state !== 'submitted' || reissue) throw ruleViolation('该申请正在由部门办理，证明将在审核通过后出具');
    if (spec.holder === 'person' && holder.idLevel !== 2) throw ruleViolation('即时出具证明需要先通过人脸核验完成实名认证');
  } else if (app.state !== 'approved' && !(reissue && app.state === 'delivered')) throw ruleViolation('准予许可后才能出具证明');
  const firm = app.enterpriseCode ? await getEnterprise(app.enterpriseCode) : undefined;
  const subject = subjectOf(app, holder, firm);
  const r = certificateText(app.itemId, subject, recordsOf(holder.id, firm && { creditCode: firm.creditCode, grade: firm.grade }), app.answers, today);
  if (!r.ok && role === 'applicant') throw ruleViolation(`${r.reason}。已转部门办理，请留意消息通知`);
  // what the officer checked by hand stands in for a record the systems lack
  const text: CertificateText = r.ok
    ? r.text
    : {
        title: spec.title,
        paragraphs: [`经${app.departmentName}核实，${subject.name}（${subject.idLabel}：${subject.idNumber}）申请的“${app.itemName}”事项属实，特此证明。`],
        facts: [],
      };

  const missing = await missingGlyphs([...text.paragraphs, ...text.facts.map((f) => f.value)].join(''));
  if (missing.length) throw ruleViolation(`证明中的“${missing.join('')}”暂无法电子出具，请到窗口办理纸质证明`);

  const until = validUntil(today, spec.validDays);
  const doc = await produce({ kind: 'certificate', template, text, app, holderId: holder.id, subject, at, ...(until ? { validUntil: until } : {}) });
  const { serial, objectKey } = doc;
  const atIso = at.toISOString();
  const instant = role === 'applicant';
  try {
    await apps.changeApplication({
      app,
      set: {
        state: 'delivered',
        delivery: 'electronic',
        deliveryInfo: { method: 'electronic', at: atIso },
        documents: [...(app.documents ?? []), { serial, title: doc.title, kind: 'certificate', status: 'valid' }],
        ...(instant ? { completion: { on: today, usedDays: 0, onTime: true } } : {}),
      },
      expectState: [app.state],
      eventIndex: events.length,
      event: {
        at: atIso,
        actor: instant ? `${app.departmentName}（系统核查）` : `${app.departmentName} · ${caller.nickname}`,
        action: instant ? '即时出具电子证明' : reissue ? '重新出具电子证明' : '出具电子证明',
        note: `${text.title} ${serial}，已放入证照夹`,
        state: 'delivered',
        fromState: app.state,
      },
      message: {
        userId: holder.id,
        appNo,
        template: 'application_delivered',
        title: `${text.title}已出具`,
        body: `${text.title}（编号 ${serial}）已加盖电子印章，放入您的证照夹，可下载或分享核验。`,
      },
      alsoWrite: repo.issueItems(doc),
    });
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    // a second tap, or the officer at the same moment: the first one's document is the document
    const winner = await repo.issuedFor(appNo, template);
    await objectStore()
      .remove(objectKey)
      .catch(() => log.info('orphan document pdf', { serial }));
    if (winner) return documentView((await repo.getDocument(winner))!);
    throw conflict('该办件刚刚有了变化，请刷新后再看');
  }
  return documentView(doc);
}

/**
 * 文书: the formal notice of the change that brought an application to `state` (受理, 不予受理, 补正, 准予, 不予许可),
 * issued once per change (the guard names the application's version), recorded with the application and put in the
 * applicant's wallet with a message. Called from the table's stream, so retries are normal: a second call does nothing.
 */
/** A state with a notice, or a request's extension (issue 19). */
export type NoticeKind = ApplicationState | 'extension';

export async function issueNotice(appNo: string, state: NoticeKind, version: number, disclosure = false): Promise<repo.DocumentRecord | undefined> {
  const spec = disclosure ? DISCLOSURE_NOTICE_FOR[state as DisclosureNoticeKind] : state === 'extension' ? undefined : NOTICE_FOR[state];
  if (!spec) return undefined;
  const template = `${spec.template}#v${version}`;
  if (await repo.issuedFor(appNo, template)) return undefined;
  const { app, events } = await apps.getApplicationWithEvents(appNo);
  if (!app) return undefined;
  const event = [...events].reverse().find((e) => e.state === state);
  const holder = await getUser(app.applicantId);
  if (!holder) return undefined;
  const firm = app.enterpriseCode ? await getEnterprise(app.enterpriseCode) : undefined;
  const subject: Subject = firm
    ? { name: firm.name, idLabel: '统一社会信用代码', idNumber: firm.creditCode }
    : { name: holder.realName ?? holder.nickname, idLabel: '公民身份号码', idNumber: holder.idNumber ?? '' };
  const cal = await getCalendar();
  const text = app.disclosure
    ? disclosureText(app, state, subject.name, cal)
    : noticeText({
        state: state as ApplicationState,
        addressee: subject.name,
        itemName: app.itemName,
        appNo,
        departmentName: app.departmentName,
        submittedOn: app.startDate,
        dueDate: state === 'accepted' ? addWorkingDays(app.startDate, app.promisedDays + app.pausedDays, cal) : app.supplementNotice?.dueDate,
        ...(event?.note ? { reason: event.note } : {}),
        ...(state === 'supplement' ? { supplementItems: app.supplementNotice?.items ?? [] } : {}),
      })!;
  if (!text) return undefined;
  const at = now();
  const doc = await produce({ kind: 'notice', template, text, app, holderId: holder.id, subject, at });
  try {
    await transact([
      ...repo.issueItems(doc),
      apps.appDocumentItem(appNo, { serial: doc.serial, title: doc.title, kind: 'notice', status: 'valid' }),
      ...noticeItems(
        {
          userId: holder.id,
          appNo,
          template: 'document_notice',
          title: `${app.itemName} ${doc.title}`,
          body: `${app.departmentName}出具了《${doc.title}》（编号 ${doc.serial}），已放入您的证照夹，可下载或分享核验。`,
        },
        at.toISOString(),
      ),
    ]);
  } catch (e) {
    await objectStore()
      .remove(doc.objectKey)
      .catch(() => undefined);
    if (isConditionFailure(e)) return undefined; // another delivery of the same change won
    throw e;
  }
  return doc;
}

/** A request's notice (补正, extension, reply) from what the application holds; undefined for a state with none. */
function disclosureText(app: apps.ApplicationRecord, state: NoticeKind, addressee: string, cal: CalendarData) {
  if (state !== 'supplement' && state !== 'replied' && state !== 'extension') return undefined;
  const d = app.disclosure!;
  const requested = typeof app.answers.requestedInfo === 'string' ? app.answers.requestedInfo : undefined;
  const words = app.disclosureReply;
  return disclosureNoticeText({
    kind: state,
    addressee,
    appNo: app.appNo,
    departmentName: app.departmentName,
    receivedOn: d.receivedOn,
    ...(requested ? { requested } : {}),
    ...(state === 'supplement' ? { supplementItems: app.supplementNotice?.items ?? [], dueDate: app.supplementNotice?.dueDate } : {}),
    ...(state === 'extension' && d.extension
      ? { extension: d.extension, deadline: addWorkingDays(app.acceptedOn ?? d.receivedOn, app.statutoryDays + (app.statutoryPausedDays ?? 0), cal) }
      : {}),
    ...(state === 'replied' && d.reply && words ? { reply: { ...words, kind: d.reply.kind, on: d.reply.on, files: d.reply.fileIds.length } } : {}),
  });
}
