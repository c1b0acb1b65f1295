import { GRADE_RULES, addMonths, bigramsOf, computeGrade, isPublished, publicationWindow, type RecordKind, type Severity } from '@yx/shared';
import { SEED_ENTERPRISES } from '../identity/seedUsers';
import * as repo from './repository';

/**
 * The demo firms' credit records (issue 20), dated from the seed's day so the stories work whenever it runs, and chosen
 * so that the grade the rules give them is the grade the demo firms were given (容缺 stories read it):
 * A none or honours only; B two ordinary penalties (84 points); C a serious one (70); D a serious and two ordinary (54).
 */
interface SeedRecord {
  code: string;
  kind: RecordKind;
  suffix: string;
  /** months before the seed's day */
  monthsAgo: number;
  decisionNo: string;
  title: string;
  basis?: string;
  severity?: Severity;
  authority: 'market' | 'urban' | 'fire';
  /** a licence's years of validity (negative: expired that many years ago) */
  validYears?: number;
}

const AUTHORITIES = {
  market: '广州市越秀区市场监督管理局',
  urban: '广州市越秀区城市管理和综合执法局',
  fire: '广州市越秀区消防救援大队',
} as const;

const YUEWEI = '91440104MA5CXK1P06';
const TANGSHUI = '91440104MA5H6TK2QE';

const lic = (code: string, suffix: string, monthsAgo: number, decisionNo: string, title: string, validYears = 5): SeedRecord => ({
  code,
  kind: 'licence',
  suffix,
  monthsAgo,
  decisionNo,
  title,
  authority: 'market',
  validYears,
});
const pen = (
  code: string,
  suffix: string,
  monthsAgo: number,
  severity: Severity,
  decisionNo: string,
  title: string,
  basis: string,
  authority: SeedRecord['authority'] = 'market',
): SeedRecord => ({
  code,
  kind: 'penalty',
  suffix,
  monthsAgo,
  severity,
  decisionNo,
  title,
  basis,
  authority,
});

export const SEED_CREDIT_RECORDS: SeedRecord[] = [
  // 粤味餐饮 (A): licences, an honour, and a warning by summary procedure (never published)
  lic(YUEWEI, 'yw1', 30, '穗越市监食许〔2024〕0871号', '食品经营许可（餐饮服务经营者）'),
  lic(YUEWEI, 'yw2', 96, '穗越市监登〔2018〕1203号', '设立登记（有限责任公司）', 50),
  { code: YUEWEI, kind: 'honour', suffix: 'yw3', monthsAgo: 8, decisionNo: '越信办〔2026〕3号', title: '北京路商圈诚信经营示范店', authority: 'market' },
  pen(YUEWEI, 'yw4', 2, 'minor', '穗越市监简罚〔2026〕0112号', '警告：从业人员未按规定佩戴口罩', '《广东省食品安全条例》第三十二条'),
  // 陈记糖水 (B): the repair story — one penalty past its minimum period, one not yet
  lic(TANGSHUI, 'ts1', 20, '穗越市监食许〔2025〕0342号', '食品经营许可（餐饮服务经营者）'),
  lic(TANGSHUI, 'ts2', 130, '穗越市监食许〔2015〕0211号', '食品经营许可（旧证）', 5),
  pen(TANGSHUI, 'ts3', 5, 'ordinary', '穗越市监罚〔2026〕0215号', '未按规定公示食品经营许可证，罚款 2000 元', '《食品经营许可和备案管理办法》第四十八条'),
  pen(TANGSHUI, 'ts4', 1, 'ordinary', '穗越市监罚〔2026〕0633号', '餐饮具清洗消毒不符合要求，罚款 5000 元', '《中华人民共和国食品安全法》第一百二十六条'),
  // 东山创新 (B)
  pen(
    '91440104MA9W2RQ81Q',
    'ds1',
    6,
    'ordinary',
    '穗越城管罚〔2026〕0177号',
    '擅自设置户外广告，罚款 3000 元',
    '《广州市户外广告和招牌设置管理条例》第三十二条',
    'urban',
  ),
  pen(
    '91440104MA9W2RQ81Q',
    'ds2',
    2,
    'ordinary',
    '穗越市监罚〔2026〕0540号',
    '未按规定办理变更登记，罚款 1 万元',
    '《中华人民共和国市场主体登记管理条例》第四十六条',
  ),
  // 流花商贸 (C)
  pen(
    '91440104MA5D3L7H2Q',
    'lh1',
    8,
    'serious',
    '穗越市监罚〔2026〕0098号',
    '销售不符合食品安全标准的食品，没收违法所得并罚款 5 万元',
    '《中华人民共和国食品安全法》第一百二十四条',
  ),
  // 海珠桥物流 (D)
  pen(
    '91440104MA59TT6N3E',
    'hz1',
    10,
    'serious',
    '穗越消罚〔2026〕0031号',
    '占用、堵塞疏散通道，责令改正并罚款 3 万元',
    '《中华人民共和国消防法》第六十条',
    'fire',
  ),
  pen(
    '91440104MA59TT6N3E',
    'hz2',
    4,
    'ordinary',
    '穗越城管罚〔2026〕0301号',
    '车辆运输渣土未密闭，罚款 5000 元',
    '《广州市建筑废弃物管理条例》第四十四条',
    'urban',
  ),
  pen('91440104MA59TT6N3E', 'hz3', 2, 'ordinary', '穗越市监罚〔2026〕0522号', '未按规定公示年度报告，罚款 1 万元', '《企业信息公示暂行条例》第十八条'),
  // 小林茶铺 (B)
  pen(
    '92440104MA5E0XKA45',
    'xl1',
    7,
    'ordinary',
    '穗越市监罚〔2026〕0140号',
    '超过有效期的食品原料未及时清理，罚款 3000 元',
    '《中华人民共和国食品安全法》第一百二十四条',
  ),
  pen(
    '92440104MA5E0XKA45',
    'xl2',
    3,
    'ordinary',
    '穗越市监罚〔2026〕0402号',
    '从业人员未取得健康证明，罚款 2000 元',
    '《中华人民共和国食品安全法》第一百二十六条',
  ),
];

/** A seed record as stored, dated from `day`. */
export function seedRecord(r: SeedRecord, day: string): repo.CreditRecordRecord {
  const decidedOn = addMonths(day, -r.monthsAgo);
  const base = {
    id: repo.recordIdOf(r.kind, decidedOn, r.suffix),
    creditCode: r.code,
    kind: r.kind,
    decisionNo: r.decisionNo,
    title: r.title,
    ...(r.basis ? { basis: r.basis } : {}),
    ...(r.severity ? { severity: r.severity } : {}),
    authority: AUTHORITIES[r.authority],
    authorityDept: r.authority,
    decidedOn,
    ...(r.validYears !== undefined ? { validUntil: addMonths(decidedOn, 12 * r.validYears) } : {}),
  };
  const w = r.kind === 'penalty' ? publicationWindow({ severity: r.severity ?? 'ordinary', decidedOn }) : null;
  const published = isPublished({ ...base }, day);
  return { ...base, published, ...(w && published ? { leavesOn: w.leavesOn } : {}) };
}

/** The name index of the demo firms (the registry load writes it for every firm the same way). */
export function nameIndexRows(firms: readonly { creditCode: string; name: string }[]): Record<string, unknown>[] {
  const counts = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  for (const f of firms) {
    for (const b of bigramsOf(f.name)) {
      rows.push(repo.nameItem(b, f.creditCode, f.name));
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  for (const [b, n] of counts) rows.push(repo.nameCountItem(b, n));
  return rows;
}

/** Every credit row of the demo: records, the grade job's summaries (as it would compute them), the name index. */
export function creditSeedRows(now: string): Record<string, unknown>[] {
  const day = now.slice(0, 10);
  const records = SEED_CREDIT_RECORDS.map((r) => seedRecord(r, day));
  const rows: Record<string, unknown>[] = records.map(repo.recordItem);
  for (const e of SEED_ENTERPRISES) {
    const own = records.filter((r) => r.creditCode === e.creditCode && r.published);
    const penalties = own.filter((r) => r.kind === 'penalty');
    const honours = own.filter((r) => r.kind === 'honour');
    const g = computeGrade(
      { penalties: penalties.map((p) => ({ id: p.id, severity: p.severity ?? 'ordinary', title: p.title, decidedOn: p.decidedOn })), honours: honours.length },
      day,
    );
    if (g.grade !== e.grade) throw new Error(`seed: ${e.name} is graded ${e.grade} but its records give ${g.grade}`);
    rows.push(
      repo.summaryItem({
        creditCode: e.creditCode,
        grade: g.grade,
        score: g.score,
        reasons: g.reasons,
        counts: { licence: own.filter((r) => r.kind === 'licence').length, penalty: penalties.length, honour: honours.length },
        rulesVersion: GRADE_RULES.version,
        computedAt: now,
      }),
    );
  }
  rows.push(...nameIndexRows(SEED_ENTERPRISES));
  return rows;
}
