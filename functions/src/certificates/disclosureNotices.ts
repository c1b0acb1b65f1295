/**
 * 文书 of a request for government information (政府信息公开条例, issue 19): the 补正 notice (art. 30), the extension
 * notice (art. 33) and the reply (arts. 35–37), each telling the requester their remedies. Pure: what each one says.
 */
import { DISCLOSURE_REMEDIES, EXEMPTIONS, REPLY_KINDS, type ApplicationState, type Exemption, type ReplyKind } from '@yx/shared';
import { cnDate, type CertificateText } from './templates';
import type { NoticeSpec } from './notices';

/** What a change of a request calls for: its state (补正, 答复) or its extension. */
export type DisclosureNoticeKind = Extract<ApplicationState, 'supplement' | 'replied'> | 'extension';

export const DISCLOSURE_NOTICE_FOR: Readonly<Record<DisclosureNoticeKind, NoticeSpec>> = {
  supplement: { template: 'disclosure-supplement', title: '政府信息公开申请补正告知书' },
  extension: { template: 'disclosure-extension', title: '延长答复期限告知书' },
  replied: { template: 'disclosure-reply', title: '政府信息公开申请答复书' },
};

const ACT = '《中华人民共和国政府信息公开条例》';

export interface DisclosureNoticeFacts {
  kind: DisclosureNoticeKind;
  addressee: string;
  appNo: string;
  departmentName: string;
  receivedOn: string;
  /** what the person asked for, as they wrote it (cut to 60 characters in the notice) */
  requested?: string;
  supplementItems?: { material: string; reason: string }[];
  dueDate?: string;
  extension?: { days: number; reason: string; basis: 'art33' | 'art35' };
  /** the reply deadline after the extension */
  deadline?: string;
  reply?: {
    kind: ReplyKind;
    on: string;
    text: string;
    files: number;
    where?: string;
    exemption?: Exemption;
    withheld?: string;
    rightBody?: { name: string; contact?: string };
    earlierAppNo?: string;
  };
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function disclosureNoticeText(f: DisclosureNoticeFacts): CertificateText {
  const spec = DISCLOSURE_NOTICE_FOR[f.kind];
  const lead = `本机关于${cnDate(f.receivedOn)}收到你（单位）提出的政府信息公开申请（编号 ${f.appNo}）${f.requested ? `，申请获取“${cut(f.requested, 60)}”` : ''}。`;
  const base = { title: spec.title, salutation: `${f.addressee}：` };
  if (f.kind === 'supplement') {
    return {
      ...base,
      paragraphs: [
        `${lead}经审查，你的申请内容不明确。根据${ACT}第三十条的规定，请你对以下内容作出更改、补充：`,
        ...(f.supplementItems ?? []).map((i, n) => `${n + 1}. ${i.material}：${i.reason}`),
        `请${f.dueDate ? `于${cnDate(f.dueDate)}前` : ''}在“越秀政务”中补正。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      ],
      facts: [],
    };
  }
  if (f.kind === 'extension') {
    const e = f.extension!;
    const article = e.basis === 'art33' ? `${ACT}第三十三条第二款` : `${ACT}第三十五条`;
    return {
      ...base,
      paragraphs: [
        `${lead}因${e.reason}，本机关不能在规定期限内作出答复。根据${article}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长 ${e.days} 个工作日。`,
        `本机关将于${f.deadline ? cnDate(f.deadline) : '延长后的期限'}前作出答复。`,
      ],
      facts: [],
    };
  }
  const r = f.reply!;
  const basis = r.exemption ? EXEMPTIONS[r.exemption] : undefined;
  const attached = `（见附件，共 ${r.files} 份）`;
  const decision: Record<ReplyKind, string> = {
    published: `经审查，你申请获取的信息已经主动公开。根据${ACT}第三十六条第（一）项的规定，你可以通过以下方式、途径获取：${r.where ?? ''}。`,
    disclosed: `经审查，你申请获取的信息属于公开范围。根据${ACT}第三十六条第（二）项的规定，现将该信息提供给你${attached}。`,
    partial: `经审查，你申请获取的信息中，${r.withheld ?? '部分内容'}属于${basis?.name ?? '不予公开的信息'}，依据${basis?.basis ?? ACT}不予公开；其余部分根据${ACT}第三十七条的规定予以公开${attached}。`,
    withheld: `经审查，你申请获取的信息属于${basis?.name ?? '不予公开的信息'}。根据${basis?.basis ?? ACT}的规定，本机关决定不予公开。`,
    not_exist: `经检索，本机关没有制作或者获取你所申请公开的信息。根据${ACT}第三十六条第（四）项的规定，告知你该政府信息不存在。`,
    not_ours: `经审查，你申请获取的信息不属于本机关负责公开。根据${ACT}第三十六条第（五）项的规定，${r.rightBody ? `请向${r.rightBody.name}${r.rightBody.contact ? `（联系方式：${r.rightBody.contact}）` : ''}申请。` : '本机关无法确定负责公开该信息的行政机关。'}`,
    repeated: `本机关已就你提出的相同政府信息公开申请（编号 ${r.earlierAppNo ?? ''}）作出答复。根据${ACT}第三十六条第（六）项的规定，不予重复处理。`,
    other_law: `你申请获取的信息，有关法律、行政法规对信息的获取有特别规定。根据${ACT}第三十六条第（七）项的规定，请依照有关规定办理：${r.where ?? ''}。`,
    not_processed: `你申请公开政府信息的数量、频次明显超过合理范围，经审查，你说明的理由不合理。根据${ACT}第三十五条的规定，本机关不予处理。`,
  };
  return {
    ...base,
    paragraphs: [`${lead}现答复如下：`, decision[r.kind], `说明：${r.text}`, DISCLOSURE_REMEDIES],
    facts: [
      { label: '答复类型', value: `${REPLY_KINDS[r.kind].name}（条例${REPLY_KINDS[r.kind].article}）` },
      { label: '答复日期', value: cnDate(r.on) },
      ...(r.files ? [{ label: '附件', value: `${r.files} 份` }] : []),
    ],
  };
}
