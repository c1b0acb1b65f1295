import type { DocumentView, VerifyResult } from '@yx/shared';
import { env } from '../lib/env';
import type { DocumentRecord } from './repository';

/** The holder's view of their document: everything printed on it. */
export const documentView = (d: DocumentRecord): DocumentView => ({
  serial: d.serial,
  checkCode: d.checkCode,
  kind: d.kind,
  title: d.title,
  itemId: d.itemId,
  ...(d.appNo ? { appNo: d.appNo } : {}),
  departmentId: d.departmentId,
  issuer: d.issuer,
  subject: d.subject,
  issuedAt: d.issuedAt,
  ...(d.validUntil ? { validUntil: d.validUntil } : {}),
  status: d.status,
  ...(d.revokedAt ? { revokedAt: d.revokedAt, revokedReason: d.revokedReason } : {}),
  verifyUrl: `${env.appOrigin}/v/${d.serial}?c=${d.checkCode}`,
  bytes: d.bytes,
});

/** What anyone verifying sees: the public facts, the subject masked. */
export const publicFacts = (d: DocumentRecord): NonNullable<VerifyResult['document']> => ({
  serial: d.serial,
  title: d.title,
  issuer: d.issuer,
  subject: d.subjectMasked,
  issuedAt: d.issuedAt,
  ...(d.validUntil ? { validUntil: d.validUntil } : {}),
  status: d.status,
  ...(d.revokedAt ? { revokedAt: d.revokedAt, revokedReason: d.revokedReason } : {}),
});
