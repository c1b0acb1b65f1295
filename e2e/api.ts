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

/**
 * Every message in a person's inbox, all pages. Tests that move the shared clock leave messages dated ahead of
 * now in the same seeded inboxes, so a new message need not be on the first page: read them all.
 */
export async function allMessages(token: string): Promise<{ id: string; title: string; body: string; appNo?: string }[]> {
  const out: { id: string; title: string; body: string; appNo?: string }[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const q = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
    const page = await apiCall<{ items: typeof out; nextCursor?: string | null }>('GET', `/v1/messages?${q}`, token);
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('more than 100 pages of messages');
}

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
