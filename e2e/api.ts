/** Straight to the local API from a browser test: set up the objects a page shows without clicking through forms. */
import { PNG } from './browser';

const api = () => process.env.E2E_API_URL!;

export async function apiCall<T = unknown>(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const r = await fetch(`${api()}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json as T;
}

/** A seeded person's token, through the development login. */
export const devToken = async (userId: string) => (await apiCall<{ token: string }>('POST', '/v1/dev/login', undefined, { userId })).token;

/** One small file (a PNG unless said) uploaded and completed; its file id. */
export async function uploadViaApi(
  token: string,
  file: { name: string; type: string; bytes: Buffer } = { name: 'm.png', type: 'image/png', bytes: PNG },
): Promise<string> {
  const t = await apiCall<{ fileId: string; upload: { url: string; fields: Record<string, string> } }>('POST', '/v1/files', token, {
    fileName: file.name,
    contentType: file.type,
    size: file.bytes.length,
  });
  const fd = new FormData();
  for (const [k, v] of Object.entries(t.upload.fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const r = await fetch(t.upload.url, { method: 'POST', body: fd });
  if (r.status >= 300) throw new Error(`upload ${r.status}`);
  await apiCall('POST', `/v1/files/${t.fileId}/complete`, token, {});
  return t.fileId;
}

/** An application for one item with every required field and material filled; its receipt (appNo, query code, deadlines…). */
export async function applyViaApi(
  token: string,
  itemId: string,
  extra: Record<string, unknown>,
  key: string,
): Promise<{ appNo: string } & Record<string, unknown>> {
  const form = await apiCall<{ form: { fields: { key: string; type: string; required: boolean }[] }; prefill: Record<string, unknown> }>(
    'GET',
    `/v1/forms/item-${itemId}`,
    token,
  );
  const answers: Record<string, unknown> = { ...form.prefill, ...extra };
  for (const f of form.form.fields.filter((x) => x.type === 'file' && x.required)) answers[f.key] = [{ kind: 'upload', fileId: await uploadViaApi(token) }];
  return apiCall<{ appNo: string } & Record<string, unknown>>('POST', '/v1/applications', token, { itemId, answers }, { 'idempotency-key': key });
}
