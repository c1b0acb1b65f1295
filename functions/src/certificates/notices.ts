/**
 * 文书: the formal notices of an application's decisions (行政许可法 arts. 32, 38; 广东省 一次性告知), written as
 * sealed PDFs right after the officer's action (the table's stream → `noticesHandler`). Pure: what each one says.
 */
import type { ApplicationState } from '@yx/shared';
import { cnDate, type CertificateText } from './templates';

export interface NoticeSpec {
  template: string;
  title: string;
}

/** The state an action leads to → the notice it produces. */
export const NOTICE_FOR: Partial<Record<ApplicationState, NoticeSpec>> = {
  accepted: { template: 'notice-accept', title: '受理通知书' },
  not_accepted: { template: 'notice-not-accept', title: '不予受理决定书' },
  supplement: { template: 'notice-supplement', title: '补正材料告知书' },
  approved: { template: 'notice-approve', title: '准予行政许可决定书' },
  denied: { template: 'notice-deny', title: '不予行政许可决定书' },
};

/** What the applicant may do against a refusal (救济途径), as the law requires such a decision to say. */
const REMEDIES =
  '如不服本决定，可以自收到本决定书之日起六十日内向广州市越秀区人民政府申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。';

export interface NoticeFacts {
  state: ApplicationState;
  /** the applicant as addressed: a person's real name or the firm's name */
  addressee: string;
  itemName: string;
  appNo: string;
  departmentName: string;
  submittedOn: string;
  /** the decision's deadline (受理), the supplement's due date (补正) */
  dueDate?: string;
  /** the officer's words: the reason of a refusal, the note of an approval */
  reason?: string;
  supplementItems?: { material: string; reason: string }[];
}

export function noticeText(f: NoticeFacts): CertificateText | undefined {
  const spec = NOTICE_FOR[f.state];
  if (!spec) return undefined;
  const salutation = `${f.addressee}：`;
  const lead = `你（单位）于${cnDate(f.submittedOn)}提出的“${f.itemName}”申请（办件编号 ${f.appNo}）`;
  const facts: CertificateText['facts'] = [];
  switch (f.state) {
    case 'accepted':
      return {
        title: spec.title,
        salutation,
        paragraphs: [
          `${lead}，经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。`,
          `本机关将于${f.dueDate ? cnDate(f.dueDate) : '法定期限内'}前作出决定。您可以在“越秀政务”中凭办件编号和查询码查询办理进度。`,
        ],
        facts,
      };
    case 'not_accepted':
      return {
        title: spec.title,
        salutation,
        paragraphs: [
          `${lead}，经审查，${f.reason ?? '不符合受理条件'}。根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。`,
          REMEDIES,
        ],
        facts,
      };
    case 'supplement':
      return {
        title: spec.title,
        salutation,
        paragraphs: [
          `${lead}，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知需要补正的全部内容：`,
          ...(f.supplementItems ?? []).map((i, n) => `${n + 1}. ${i.material}：${i.reason}`),
          `请${f.dueDate ? `于${cnDate(f.dueDate)}前` : ''}在“越秀政务”中补正。补正期间不计入办理时限；补正材料齐全后，本机关继续办理。`,
        ],
        facts,
      };
    case 'approved':
      return {
        title: spec.title,
        salutation,
        paragraphs: [
          `${lead}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。`,
          ...(f.reason ? [`说明：${f.reason}`] : []),
        ],
        facts,
      };
    case 'denied':
      return {
        title: spec.title,
        salutation,
        paragraphs: [
          `${lead}，经审查，${f.reason ?? '不符合法定条件、标准'}。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。`,
          REMEDIES,
        ],
        facts,
      };
    default:
      return undefined;
  }
}
