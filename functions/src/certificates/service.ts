/**
 * The wallet's documents, sharing, revoking, and verification (核验) by anyone: by serial + check code, by a holder's
 * share link, or by the file itself. Never loads pdf-lib: checking a seal is SM3 + SM2 over the bytes (seal.ts).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { MAX_DOCUMENT_BYTES, businessDate, type DocumentDetail, type DocumentView, type ShareLink, type VerifyResult } from '@yx/shared';
import { now } from '../lib/clock';
import { env } from '../lib/env';
import { badRequest, conflict, notFound } from '../lib/errors';
import { hashSecret, randomId } from '../lib/ids';
import { limiter } from '../lib/rateLimit';
import { objectStore } from '../lib/storage';
import type { UserRecord } from '../identity/repository';
import * as apps from '../applications/repository';
import { isConditionFailure } from '../lib/db';
import { checkSeal, sealedFieldsOf } from './seal';
import * as repo from './repository';
import { documentView, publicFacts } from './views';

const PDF_LINK_SECONDS = 300;
const UPLOAD_SECONDS = 600;

// ---- the holder ----------------------------------------------------------------------------------

/** The holder's own document; anyone else's is 404 to them. */
async function heldDocument(userId: string, serial: string): Promise<repo.DocumentRecord> {
  const d = await repo.getDocument(serial);
  if (!d || d.holderId !== userId) throw notFound('未找到该证明');
  return d;
}

export async function listMine(userId: string): Promise<{ items: DocumentView[] }> {
  return { items: (await repo.listHeld(userId)).map(documentView) };
}

export async function detail(userId: string, serial: string): Promise<DocumentDetail> {
  const d = await heldDocument(userId, serial);
  const [pdfUrl, uses] = await Promise.all([objectStore().presignGet(d.objectKey, PDF_LINK_SECONDS), repo.listUses(serial)]);
  return { document: documentView(d), pdfUrl, uses: uses.map((u) => ({ at: u.at, kind: u.kind, who: u.who, ...(u.appNo ? { appNo: u.appNo } : {}) })) };
}

const shareSignature = (serial: string, expires: number) => createHmac('sha256', env.sessionSecret).update(`share:${serial}:${expires}`).digest('base64url');

/** 分享核验链接: the public page with a token that names the document and when it stops working. */
export async function share(userId: string, serial: string, days: number): Promise<ShareLink> {
  const d = await heldDocument(userId, serial);
  if (d.status !== 'valid') throw conflict('该证明已撤销，不能分享');
  const at = now();
  const expires = Math.floor(at.getTime() / 1000) + days * 86_400;
  await repo.recordUse({ serial, at: at.toISOString(), kind: 'shared', who: `您分享了 ${days} 天有效的核验链接` });
  return {
    url: `${env.appOrigin}/v/${serial}?t=${shareSignature(serial, expires)}.${expires}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

function shareTokenValid(serial: string, token: string): boolean {
  const [sig, exp] = token.split('.');
  const expires = Number(exp);
  if (!sig || !Number.isInteger(expires) || expires * 1000 < now().getTime()) return false;
  const want = Buffer.from(shareSignature(serial, expires));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

// ---- the department ------------------------------------------------------------------------------

/** 撤销: an officer of the issuing department, with the reason verification will show. */
export async function revoke(officer: UserRecord, serial: string, reason: string): Promise<DocumentView> {
  const d = await repo.getDocument(serial);
  if (!d || d.departmentId !== officer.departmentId) throw notFound('未找到本部门出具的该证明');
  const at = now().toISOString();
  if (!(await repo.revokeDocument(serial, { at, by: officer.id, reason }))) throw conflict('该证明已被撤销');
  await repo.recordUse({ serial, at, kind: 'verified', who: `${d.issuer}撤销了该证明：${reason}` });
  if (d.appNo) await noteOnApplication(d.appNo, serial, { at, actor: `${d.issuer} · ${officer.nickname}`, reason });
  return documentView({ ...d, status: 'revoked', revokedAt: at, revokedBy: officer.id, revokedReason: reason });
}

/** The application's trail records the revocation, and its list of documents shows it (tried a few times on a race). */
async function noteOnApplication(appNo: string, serial: string, o: { at: string; actor: string; reason: string }) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { app, events } = await apps.getApplicationWithEvents(appNo);
    if (!app) return;
    try {
      await apps.changeApplication({
        app,
        set: { documents: (app.documents ?? []).map((x) => (x.serial === serial ? { ...x, status: 'revoked' as const } : x)) },
        eventIndex: events.length,
        event: { at: o.at, actor: o.actor, action: '撤销电子证明', note: `${serial}：${o.reason}`, state: app.state },
        message: {
          userId: app.applicantId,
          appNo,
          template: `application_${app.state}`,
          title: '电子证明已撤销',
          body: `编号 ${serial} 的证明已被撤销。原因：${o.reason}`,
        },
      });
      return;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }
}

// ---- anyone -------------------------------------------------------------------------------------

const verifyFailures = limiter('doc-verify', { limit: 20, windowSeconds: 600, message: '核验失败次数过多，请 10 分钟后再试' });
const uploadTickets = limiter('doc-upload', { limit: 30, windowSeconds: 3600, message: '上传核验太频繁，请稍后再试' });

const NOT_FOUND = '未找到该证明，请核对证明编号和核验码';

/** The outcome of a document found and proven to be ours: in force, revoked or past its validity. */
function standing(d: repo.DocumentRecord): Pick<VerifyResult, 'outcome' | 'message'> {
  if (d.status === 'revoked') return { outcome: 'revoked', message: `该证明已于 ${businessDate(new Date(d.revokedAt!))} 被出具单位撤销，不再有效` };
  if (d.validUntil && d.validUntil < businessDate(now())) return { outcome: 'expired', message: `该证明真实，但已于 ${d.validUntil} 过期` };
  return { outcome: 'genuine', message: `该证明由${d.issuer}出具，真实有效` };
}

/** 核验 by serial and check code (the QR) or a share token; a wrong pair is 404 and counts against the caller. */
export async function verifyBySerial(client: string, serial: string, q: { c?: string; t?: string }): Promise<VerifyResult> {
  if (!q.c && !q.t) throw notFound(NOT_FOUND); // a serial alone says nothing, as a wrong code does
  await verifyFailures.guard(client);
  const d = await repo.getDocument(serial);
  const ok = d && (q.c ? d.checkCodeHash === hashSecret(`doc:${serial}:${q.c}`) : shareTokenValid(serial, q.t!));
  if (!d || !ok) {
    await verifyFailures.hit(client);
    throw notFound(q.t ? '分享链接无效或已过期，请向证明持有人重新索取' : NOT_FOUND);
  }
  await repo.recordUse({ serial, at: now().toISOString(), kind: 'verified', who: q.t ? '他人通过您分享的链接核验' : '他人通过证明编号和核验码核验' });
  return { ...standing(d), document: publicFacts(d) };
}

/** A ticket to post one PDF straight to the store, to check it (no login: counted per address). */
export async function uploadTicket(client: string) {
  await uploadTickets.take(client);
  const ticket = randomId('v', 24);
  const objectKey = `verify/${ticket}.pdf`;
  const upload = await objectStore().presignPost(objectKey, 'application/pdf', MAX_DOCUMENT_BYTES, UPLOAD_SECONDS);
  await repo.putUploadCheck({ ticket, objectKey, createdAt: now().toISOString() }, Math.floor(now().getTime() / 1000) + 86_400);
  return { ticket, upload, expiresInSeconds: UPLOAD_SECONDS };
}

const altered = (reason: string, file: VerifyResult['file']): VerifyResult => ({
  outcome: 'altered',
  message: '文件已被改动，不是出具单位出具的原件',
  file: { ...file!, reason },
});

/** Checks an uploaded file: our seal, by the issuing department's key, over exactly these bytes, of a document on record. */
export async function verifyUpload(ticket: string): Promise<VerifyResult> {
  const c = await repo.getUploadCheck(ticket);
  if (!c) throw notFound('核验文件不存在或已过期，请重新上传');
  const store = objectStore();
  const pdf = await store.read(c.objectKey, MAX_DOCUMENT_BYTES);
  if (!pdf) throw badRequest('没有收到文件，或文件超过 300 KB，请重新上传');
  try {
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      return { outcome: 'unknown', message: '这不是 PDF 文件，无法核验', file: { signature: 'missing', matchesRecord: false, reason: '文件不是 PDF 格式' } };
    }
    const fields = sealedFieldsOf(pdf);
    if (!fields) {
      return {
        outcome: 'unknown',
        message: '文件中没有越秀政务的电子印章，无法核验',
        file: { signature: 'missing', matchesRecord: false, reason: '未找到电子印章' },
      };
    }
    const key = await repo.getSealKey(fields.keyId);
    const check = checkSeal(pdf, (id) => (id === key?.keyId ? key.publicKey : undefined));
    if (!check.ok) {
      if (check.reason === 'unknown-key') return altered('电子印章不是本区部门的印章', { signature: 'invalid', matchesRecord: false, reason: '' });
      return altered(check.reason === 'unsigned' ? '未找到电子印章' : '签章校验不通过：文件内容在盖章后被改动过', {
        signature: 'invalid',
        matchesRecord: false,
        reason: '',
      });
    }
    const d = await repo.getDocument(check.serial);
    if (!d)
      return {
        outcome: 'unknown',
        message: '签章有效，但没有这个编号的证明记录',
        file: { signature: 'valid', matchesRecord: false, reason: '无此编号的记录' },
      };
    // the seal must be the issuing department's own key, and the bytes the very file issued
    if (d.keyId !== check.keyId) return altered('电子印章与出具单位不符', { signature: 'invalid', matchesRecord: false, reason: '' });
    if (createHash('sm3').update(pdf).digest('hex') !== d.sm3)
      return altered('文件与出具时的原件不一致', { signature: 'valid', matchesRecord: false, reason: '' });
    await repo.recordUse({ serial: d.serial, at: now().toISOString(), kind: 'verified', who: '他人上传证明文件核验' });
    return { ...standing(d), document: publicFacts(d), file: { signature: 'valid', matchesRecord: true, reason: '签章有效，文件与出具时的原件一致' } };
  } finally {
    await store.remove(c.objectKey); // a stranger's upload is not kept
  }
}
