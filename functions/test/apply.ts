import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { localFileGetHandler, localFilesHandler } from '../../scripts/lib/localFiles';
import { resetObjectStore } from '../src/lib/storage';
import { call } from './http';
import { devHandler } from '../src/identity/handler';
import { handler as files } from '../src/files/handler';
import { handler as applications } from '../src/applications/handler';

/** A real local upload endpoint (the S3 stand-in) on a free port, with its own folder. */
export async function startLocalFiles(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-files-test-'));
  const secret = 'test-files-secret';
  const receive = localFilesHandler({ dir, secret });
  const show = localFileGetHandler({ dir, secret });
  const server = http.createServer((req, res) => (req.url?.startsWith('/local-files/file') ? show(req, res) : receive(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.LOCAL_FILES_DIR = dir;
  process.env.LOCAL_FILES_SECRET = secret;
  process.env.LOCAL_FILES_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local-files/upload`;
  resetObjectStore();
  return () => new Promise((r) => server.close(() => r()));
}

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db40000000049454e44ae426082',
  'hex',
);

export async function login(userId: string): Promise<string> {
  const r = await call(devHandler, 'POST /v1/dev/login', { body: { userId } });
  if (r.status !== 200) throw new Error(`dev login ${userId}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/** Ticket → multipart POST to the upload endpoint → complete: what the mini-program does. */
export async function upload(token: string, content: Buffer = PNG, contentType = 'image/png', fileName = 'photo.png') {
  const ticket = await call(files, 'POST /v1/files', { token, body: { fileName, contentType, size: content.length } });
  if (ticket.status !== 201) return { ticket };
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.body.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(content)], { type: contentType }), fileName);
  const posted = await fetch(ticket.body.upload.url, { method: 'POST', body: form });
  const complete = await call(files, 'POST /v1/files/{fileId}/complete', { token, params: { fileId: ticket.body.fileId } });
  return { ticket, posted, complete, fileId: ticket.body.fileId as string };
}

type Field = {
  key: string;
  type: string;
  required: boolean;
  options?: { value: string }[];
  min?: number;
  max?: number;
  materialName?: string;
  pattern?: unknown;
};
export type FormPayload = {
  formId: string;
  itemNames: string[];
  draft?: unknown;
  form: { fields: Field[] };
  prefill: Record<string, unknown>;
  licences: { id: string; type: string }[];
  licenceTypes: Record<string, string | null>;
  tolerance: { grade: string | null; quota: number };
};

export async function getForm(token: string, formId: string): Promise<FormPayload> {
  const r = await call(applications, 'GET /v1/forms/{formId}', { token, params: { formId } });
  if (r.status !== 200) throw new Error(`form ${formId}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Fills a form the way a careful person would: prefilled values kept, e-licences where possible, one upload otherwise. */
export async function fill(token: string, f: FormPayload, opts: { skip?: string[] } = {}) {
  const answers: Record<string, unknown> = { ...f.prefill };
  let uploads = 0;
  let licences = 0;
  for (const field of f.form.fields) {
    if (answers[field.key] !== undefined || opts.skip?.includes(field.key)) continue;
    if (!field.required && field.type !== 'file') continue;
    switch (field.type) {
      case 'choice':
        answers[field.key] = field.options![0].value;
        break;
      case 'number':
        answers[field.key] = Math.min(field.max ?? 100, Math.max(field.min ?? 1, 10));
        break;
      case 'date':
        answers[field.key] = '2026-11-02';
        break;
      case 'phone':
        answers[field.key] = '13800138000';
        break;
      case 'residentId':
        answers[field.key] = '440104199003070017';
        break;
      case 'address':
        answers[field.key] = '广州市越秀区府前路 1 号';
        break;
      case 'textarea':
        answers[field.key] = '按要求填写的说明内容';
        break;
      case 'file': {
        if (!field.required) break;
        const type = f.licenceTypes[field.key];
        const lic = type ? f.licences.find((l) => l.type === type) : undefined;
        if (lic) {
          answers[field.key] = [{ kind: 'elicence', licenceId: lic.id }];
          licences++;
        } else {
          const u = await upload(token);
          answers[field.key] = [{ kind: 'upload', fileId: u.fileId }];
          uploads++;
        }
        break;
      }
      default:
        answers[field.key] = field.key.toLowerCase().includes('name') ? '张小宝' : '测试内容';
    }
  }
  return { answers, uploads, licences };
}
