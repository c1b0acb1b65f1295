/**
 * What each certificate says, from what is on record (pure: the records are passed in). `onRecord` decides whether it
 * can be issued at once; when it cannot, an officer checks and approves, and the certificate is issued then.
 */
import { CERTIFICATE_ITEMS, maskName, purposeWords, type CertificateSpec } from '@yx/shared';
import type { PersonRecords } from './records';

export interface Subject {
  /** the person's real name, or the firm's name */
  name: string;
  /** 公民身份号码 or 统一社会信用代码 as printed on the holder's own document */
  idLabel: '公民身份号码' | '统一社会信用代码';
  idNumber: string;
}

export interface CertificateText {
  title: string;
  /** a notice's addressee (张晓明：), flush left above the paragraphs */
  salutation?: string;
  paragraphs: string[];
  facts: { label: string; value: string }[];
}

export type OnRecord = { ok: true; text: CertificateText } | { ok: false; reason: string };

const cn = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Purpose the applicant typed in the form (用途), when the form asks for it. */
const purposeOf = (answers: Record<string, unknown>) => purposeWords(answers.purpose);

/**
 * The text of an item's certificate for a subject, or why it cannot be issued without an officer.
 * `today` is the business date (YYYY-MM-DD).
 */
export function certificateText(itemId: string, s: Subject, records: PersonRecords, answers: Record<string, unknown>, today: string): OnRecord {
  const spec: CertificateSpec | undefined = CERTIFICATE_ITEMS[itemId];
  if (!spec) return { ok: false, reason: '该事项不出具电子证明' };
  const who = `${s.name}（${s.idLabel}：${s.idNumber}）`;
  const purpose = purposeOf(answers);
  const usedFor = purpose ? [`本证明用于：${purpose}。`] : [];
  const facts: { label: string; value: string }[] = [];
  switch (itemId) {
    case 'no-criminal-record':
      if (records.criminal) return { ok: false, reason: '查询到相关记录，需由公安机关人工核查后出具' };
      return {
        ok: true,
        text: { title: spec.title, paragraphs: [`经查询全国违法犯罪人员信息库，截至${cn(today)}，未发现${who}有犯罪记录。`, ...usedFor], facts },
      };
    case 'residence-certificate':
      if (!records.residence) return { ok: false, reason: '系统中暂无您的居住登记信息，需由派出所人工核实后出具' };
      return {
        ok: true,
        text: { title: spec.title, paragraphs: [`兹证明${who}自${cn(records.residence.since)}起居住在${records.residence.address}。`, ...usedFor], facts },
      };
    case 'hukou-certificate':
      if (!records.hukou) return { ok: false, reason: '系统中暂无您在本区的户籍信息，需由派出所人工核实后出具' };
      return {
        ok: true,
        text: {
          title: spec.title,
          paragraphs: [`兹证明${who}户籍登记在${records.hukou.address}，户主：${records.hukou.head}，与户主关系：${records.hukou.relation}。`, ...usedFor],
          facts,
        },
      };
    case 'marriage-record-certificate': {
      const m = records.marriage;
      if (!m) return { ok: false, reason: '婚姻登记信息需由婚姻登记机关人工核查后出具' };
      const line =
        m.status === 'none'
          ? `经查询全国婚姻登记信息系统，截至${cn(today)}，未发现${who}的婚姻登记记录。`
          : `经查询全国婚姻登记信息系统，${who}于${cn(m.on!)}在${m.office}办理${m.status === 'married' ? '结婚' : '离婚'}登记。`;
      return { ok: true, text: { title: spec.title, paragraphs: [line, ...usedFor], facts } };
    }
    case 'tax-certificate': {
      const t = records.tax;
      if (!t) return { ok: false, reason: '系统中暂无该企业的纳税记录，需由税务机关人工核实后出具' };
      return {
        ok: true,
        text: {
          title: spec.title,
          paragraphs: [`兹证明${who}在${t.period}期间依法申报缴纳税款，共计人民币${t.amount}元，无欠税记录。`, ...usedFor],
          facts,
        },
      };
    }
    case 'credit-report': {
      const c = records.credit;
      if (!c) return { ok: false, reason: '该企业的信用信息需由市场监管部门人工核查后出具' };
      if (c.violations > 0) return { ok: false, reason: '查询到违法违规记录，需由市场监管部门人工核查后出具' };
      return {
        ok: true,
        text: {
          title: spec.title,
          paragraphs: [`经查询市场监管、税务、人社等部门共享的公共信用信息，截至${cn(today)}，${who}近三年无违法违规记录。`, ...usedFor],
          facts: [{ label: '信用等级', value: c.grade }],
        },
      };
    }
    default:
      return { ok: false, reason: '该事项不出具电子证明' };
  }
}

/** The subject as anyone verifying sees it: a masked name (a firm's name is public). */
export const maskedSubject = (s: Subject) => (s.idLabel === '统一社会信用代码' ? s.name : (maskName(s.name) ?? '*'));

export const cnDate = cn;
