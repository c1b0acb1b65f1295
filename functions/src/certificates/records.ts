/**
 * The departments' records a certificate certifies (户籍, 居住登记, 婚姻登记, 违法犯罪, 纳税, 公共信用). In a deployment
 * these are the departments' systems, reached through the data-sharing platform; here seeded records stand in for
 * them, keyed by the demo people and firms. Someone not in a record set has no such record (which, for 无犯罪记录,
 * is what the certificate says).
 */
export interface PersonRecords {
  criminal?: boolean;
  residence?: { address: string; since: string };
  hukou?: { address: string; head: string; relation: string };
  /** none: no marriage registered */
  marriage?: { status: 'none' | 'married' | 'divorced'; on?: string; office?: string };
  tax?: { period: string; amount: string };
  credit?: { grade: string; violations: number };
}

const PEOPLE: Record<string, PersonRecords> = {
  'u-resident-zhang': {
    residence: { address: '广州市越秀区北京街道府前路1号之3 502房', since: '2019-03-01' },
    hukou: { address: '广州市越秀区北京街道府前路1号之3', head: '张晓明', relation: '户主' },
    marriage: { status: 'none' },
  },
  'u-resident-zhou': {
    residence: { address: '广州市越秀区北京街道盐运西社区盐运西一巷8号 301房', since: '1988-06-15' },
    hukou: { address: '广州市越秀区北京街道盐运西一巷8号', head: '周永福', relation: '户主' },
    marriage: { status: 'married', on: '1975-05-01', office: '广州市越秀区民政局婚姻登记处' },
  },
  'u-resident-zhou-daughter': {
    hukou: { address: '广州市越秀区北京街道盐运西一巷8号', head: '周永福', relation: '女' },
    marriage: { status: 'married', on: '2012-10-08', office: '广州市越秀区民政局婚姻登记处' },
  },
  // a record on file: the certificate needs an officer (人工核查)
  'u-resident-wu': { criminal: true },
};

const FIRMS: Record<string, PersonRecords> = {};

/** The records of a person (by user id) and of the firm they act for (by credit code, with its credit grade). */
export function recordsOf(userId: string, firm?: { creditCode: string; grade?: string | null }): PersonRecords {
  const own = PEOPLE[userId] ?? {};
  if (!firm) return own;
  const seeded = FIRMS[firm.creditCode] ?? {};
  return {
    ...own,
    tax: seeded.tax ?? { period: '2025年1月1日至2025年12月31日', amount: '386,420.00' },
    credit: seeded.credit ?? (firm.grade ? { grade: `${firm.grade} 级`, violations: firm.grade === 'D' ? 1 : 0 } : undefined),
  };
}
