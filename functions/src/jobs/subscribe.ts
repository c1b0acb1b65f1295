import { beijingTime } from '@yx/shared';
import { env } from '../lib/env';
import { postWechat } from '../identity/wechatToken';

/**
 * WeChat subscribe messages (订阅消息, subscribeMessage.send). Each kind of change we record in the
 * outbox (`template`, e.g. `application_accepted`) maps to a template the deployment has chosen in the
 * mini-program console, with the template's field names for our facts, in WECHAT_TEMPLATES (JSON):
 *   { "workorder_claimed": { "id": "<template id>", "page": "packages/appeal/detail/index",
 *       "fields": { "thing1": "title", "character_string2": "appNo", "time3": "at" } } }
 * A kind without a template is not sent (status `no-template`), so adding templates is configuration only.
 */
export interface TemplateSpec {
  id: string;
  page?: string;
  fields: Record<string, 'title' | 'appNo' | 'at' | 'body'>;
}

export function templates(): Record<string, TemplateSpec> {
  try {
    const parsed = JSON.parse(process.env.WECHAT_TEMPLATES || '{}') as Record<string, TemplateSpec>;
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/** WeChat's limits per field kind: thing ≤ 20 characters, character_string ≤ 32, time as 'YYYY-MM-DD HH:mm'. */
export function fieldValue(field: string, value: string): string {
  if (field.startsWith('time') || field.startsWith('date')) {
    return beijingTime(value);
  }
  const max = field.startsWith('thing') ? 20 : field.startsWith('character_string') ? 32 : 20;
  return [...value].length > max ? `${[...value].slice(0, max - 1).join('')}…` : value;
}

export type SendStatus = 'sent' | 'no-template' | 'no-openid' | 'refused' | 'failed';

/** One message to one person: refused (43101, the person did not subscribe) is final; a stale token is renewed once. */
export async function sendSubscribe(
  openid: string | undefined,
  template: string,
  facts: { title: string; appNo?: string; at: string; body?: string },
): Promise<SendStatus> {
  const spec = templates()[template];
  if (!spec) return 'no-template';
  if (!openid) return 'no-openid';
  const data = Object.fromEntries(Object.entries(spec.fields).map(([field, fact]) => [field, { value: fieldValue(field, String(facts[fact] ?? '')) }]));
  const page = spec.page && facts.appNo ? `${spec.page}?${facts.appNo.startsWith('SQ') ? 'no' : 'appNo'}=${facts.appNo}` : spec.page;
  const r = await postWechat<{ errcode?: number }>('/cgi-bin/message/subscribe/send', {
    touser: openid,
    template_id: spec.id,
    ...(page ? { page } : {}),
    data,
    miniprogram_state: env.isLocal ? 'developer' : 'formal',
    lang: 'zh_CN',
  });
  const code = r.errcode ?? 0;
  if (code === 0) return 'sent';
  if (code === 43101) return 'refused';
  return 'failed';
}

export { forgetToken } from '../identity/wechatToken';
