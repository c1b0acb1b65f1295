import * as z from 'zod';
import { parseRow, type Item } from './entity';

/**
 * 电子证明 and 文书 (issue 15), and the departments' sealing keys.
 * | document        | DOC#<serial>       | DOC                      | gsi1 HOLDER#<userId> / <issuedAt>#<serial>: the wallet |
 * | document use    | DOC#<serial>       | USE#<at>#<id>            | every use the holder can see                       |
 * | one per action  | DOCFOR#<appNo>     | <template>               | a certificate or notice is issued once per application |
 * | sealing key     | SEALKEY#<keyId>    | KEY                      | the public half, for verifying; never the private one |
 * | verify upload   | DOCCHECK#<ticket>  | CHECK                    | an anonymous upload to check; ttl 1 day |
 */
export const keys = {
  document: (serial: string) => ({ pk: `DOC#${serial}`, sk: 'DOC' }),
  holder: (userId: string, issuedAt: string, serial: string) => ({ gsi1pk: `HOLDER#${userId}`, gsi1sk: `${issuedAt}#${serial}` }),
  holderPk: (userId: string) => `HOLDER#${userId}`,
  use: (serial: string, at: string, id: string) => ({ pk: `DOC#${serial}`, sk: `USE#${at}#${id}` }),
  docPk: (serial: string) => `DOC#${serial}`,
  usePrefix: 'USE#',
  issuedFor: (appNo: string, template: string) => ({ pk: `DOCFOR#${appNo}`, sk: template }),
  sealKey: (keyId: string) => ({ pk: `SEALKEY#${keyId}`, sk: 'KEY' }),
  check: (ticket: string) => ({ pk: `DOCCHECK#${ticket}`, sk: 'CHECK' }),
};

const DocumentSchema = z.object({
  serial: z.string(),
  kind: z.enum(['certificate', 'notice']),
  /** which text it is (no-criminal-record, notice-accept…) */
  template: z.string(),
  title: z.string(),
  itemId: z.string(),
  appNo: z.string().optional(),
  departmentId: z.string(),
  issuer: z.string(),
  keyId: z.string(),
  holderId: z.string(),
  /** the subject as printed (sealed: a name) and as anyone verifying sees it (masked) */
  subject: z.string(),
  subjectMasked: z.string(),
  issuedAt: z.string(),
  validUntil: z.string().optional(),
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.string().optional(),
  revokedBy: z.string().optional(),
  revokedReason: z.string().optional(),
  /** the check code (sealed, so the holder can be shown it) and its keyed hash (what verification compares) */
  checkCode: z.string(),
  checkCodeHash: z.string(),
  /** SM3 of the sealed PDF as issued, and where it is stored */
  sm3: z.string(),
  objectKey: z.string(),
  bytes: z.number(),
});
export type DocumentRecord = z.output<typeof DocumentSchema>;
/** Fields sealed at rest: the subject's name and the code that, with the serial, lets anyone read the public facts. */
export const DOCUMENT_SEALED_FIELDS = ['subject', 'checkCode'] as const;

export const Document = {
  Schema: DocumentSchema,
  toItem: (d: DocumentRecord): Item => ({ ...keys.document(d.serial), ...keys.holder(d.holderId, d.issuedAt, d.serial), entity: 'Document', ...d }),
  fromItem: (item: Item): DocumentRecord => parseRow(DocumentSchema, item),
};

const UseSchema = z.object({
  serial: z.string(),
  at: z.string(),
  id: z.string(),
  kind: z.enum(['application', 'verified', 'shared', 'downloaded']),
  who: z.string(),
  appNo: z.string().optional(),
});
export type DocumentUseRecord = z.output<typeof UseSchema>;
export const DocumentUse = {
  Schema: UseSchema,
  toItem: (u: DocumentUseRecord): Item => ({ ...keys.use(u.serial, u.at, u.id), entity: 'DocumentUse', ...u }),
  fromItem: (item: Item): DocumentUseRecord => parseRow(UseSchema, item),
};

export const IssuedFor = {
  toItem: (appNo: string, template: string, serial: string): Item => ({ ...keys.issuedFor(appNo, template), entity: 'DocumentFor', serial }),
};

const SealKeySchema = z.object({ keyId: z.string(), departmentId: z.string(), publicKey: z.string().regex(/^04[0-9a-f]{128}$/), createdAt: z.string() });
export type SealKeyRecord = z.output<typeof SealKeySchema>;
export const SealKey = {
  Schema: SealKeySchema,
  toItem: (k: SealKeyRecord): Item => ({ ...keys.sealKey(k.keyId), entity: 'SealKey', ...k }),
  fromItem: (item: Item): SealKeyRecord => parseRow(SealKeySchema, item),
};

const CheckSchema = z.object({ ticket: z.string(), objectKey: z.string(), createdAt: z.string() });
export type CheckRecord = z.output<typeof CheckSchema>;
export const UploadCheck = {
  toItem: (c: CheckRecord, ttl: number): Item => ({ ...keys.check(c.ticket), entity: 'DocumentCheck', ...c, ttl }),
  fromItem: (item: Item): CheckRecord => parseRow(CheckSchema, item),
};
