import { buildAnswersSchema, FieldDef, fieldErrors, fieldValueSchema, FormDef, formLabels, identityMismatches, isIsoDate, prefillAnswers } from './form';

// No import of ../api/messages here: zod's English defaults stay in place, so a message this
// module forgot to set would show up as English and fail the "Chinese" checks below.

const NAME = { regex: '^[\\u4e00-\\u9fa5·]{2,20}$', message: '应为 2–20 个汉字（可含间隔号“·”）' };
const A = '申请人信息';
const B = '事项信息';
const C = '材料';

const form: FormDef = {
  id: 'test:all-types',
  title: '测试表单',
  sections: [A, B, C],
  fields: [
    { key: 'realName', label: '姓名', type: 'text', required: true, section: A, max: 20, pattern: NAME, prefill: 'realName' },
    { key: 'idNumber', label: '身份证号码', type: 'residentId', required: true, section: A, prefill: 'idNumber' },
    { key: 'creditCode', label: '统一社会信用代码', type: 'creditCode', required: false, section: A, prefill: 'creditCode' },
    { key: 'phone', label: '手机号码', type: 'phone', required: true, section: A, prefill: 'phone' },
    { key: 'address', label: '联系地址', type: 'address', required: false, section: A, prefill: 'address' },
    { key: 'title', label: '标题', type: 'text', required: false, section: B, min: 2, max: 10 },
    { key: 'remark', label: '备注', type: 'text', required: false, section: B },
    { key: 'scope', label: '经营范围', type: 'textarea', required: false, section: B },
    { key: 'area', label: '面积（平方米）', type: 'number', required: true, section: B, min: 1, max: 100 },
    { key: 'day', label: '开始日期', type: 'date', required: true, section: B },
    {
      key: 'kind',
      label: '类型',
      type: 'choice',
      required: true,
      section: B,
      options: [
        { value: 'sales', label: '食品销售' },
        { value: 'catering', label: '餐饮服务' },
      ],
    },
    { key: 'm0', label: '居民身份证', type: 'file', required: true, section: C, materialName: '申请人居民身份证' },
    { key: 'm1', label: '结婚证', type: 'file', required: false, section: C, materialName: '结婚证' },
  ],
};

const ID = '11010519491231002X';
const CODE = '91350100M000100Y43';
const UPLOAD = { kind: 'upload', fileId: 'f_abcdEFGH1234' } as const;
const LICENCE = { kind: 'elicence', licenceId: 'el_idcard01' } as const;

const valid = {
  realName: '张三',
  idNumber: ID,
  phone: '13800138000',
  area: 12.5,
  day: '2024-02-29',
  kind: 'catering',
  m0: [UPLOAD],
};

const schema = buildAnswersSchema(form);
const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** The first message for `key` when `value` is put into otherwise valid answers. */
const errorFor = (key: string, value: unknown): string | undefined => fieldErrors(form, { ...valid, [key]: value })[key];

describe('form definitions', () => {
  it('the test form passes the FormDef schema', () => {
    expect(FormDef.safeParse(form).success).toBe(true);
  });

  const base: FieldDef = { key: 'x', label: '名称', type: 'text', required: true, section: A };
  const fails = (patch: Partial<FieldDef> & Record<string, unknown>) => FieldDef.safeParse({ ...base, ...patch }).success;

  it('accepts a plain field', () => {
    expect(fails({})).toBe(true);
  });
  it('rejects bad keys and labels', () => {
    expect(fails({ key: '1abc' })).toBe(false);
    expect(fails({ key: 'a_b' })).toBe(false);
    expect(fails({ key: 'a'.repeat(41) })).toBe(false);
    expect(fails({ key: 'a'.repeat(40) })).toBe(true);
    expect(fails({ label: 'Name' })).toBe(false);
    expect(fails({ label: '名'.repeat(21) })).toBe(false);
  });
  it('rejects unknown properties and types', () => {
    expect(fails({ colour: 'red' })).toBe(false);
    expect(fails({ type: 'checkbox' as never })).toBe(false);
  });
  it('needs options exactly on choice fields, with unique values', () => {
    expect(fails({ type: 'choice' })).toBe(false);
    expect(fails({ type: 'choice', options: [{ value: 'a', label: '甲' }] })).toBe(true);
    expect(
      fails({
        type: 'choice',
        options: [
          { value: 'a', label: '甲' },
          { value: 'a', label: '乙' },
        ],
      }),
    ).toBe(false);
    expect(fails({ options: [{ value: 'a', label: '甲' }] })).toBe(false);
  });
  it('allows bounds on text and numbers only, in order, lengths as whole numbers', () => {
    expect(fails({ type: 'number', min: 0.5, max: 2 })).toBe(true);
    expect(fails({ type: 'number', min: 3, max: 2 })).toBe(false);
    expect(fails({ min: 1.5 })).toBe(false);
    expect(fails({ max: -1 })).toBe(false);
    expect(fails({ type: 'date', min: 1 })).toBe(false);
    expect(fails({ type: 'file', max: 3 })).toBe(false);
  });
  it('allows a pattern on text only, and only one that compiles', () => {
    expect(fails({ pattern: NAME })).toBe(true);
    expect(fails({ pattern: { regex: '([a-z', message: '格式不正确' } })).toBe(false);
    expect(fails({ pattern: { regex: '^a$', message: 'wrong' } })).toBe(false);
    expect(fails({ type: 'number', pattern: NAME })).toBe(false);
  });
  it('allows materialName on file fields only', () => {
    expect(fails({ type: 'file', materialName: '营业执照' })).toBe(true);
    expect(fails({ materialName: '营业执照' })).toBe(false);
  });
  it('pre-fills only into a field of a matching type', () => {
    expect(fails({ type: 'residentId', prefill: 'idNumber' })).toBe(true);
    expect(fails({ type: 'text', prefill: 'idNumber' })).toBe(false);
    expect(fails({ type: 'phone', prefill: 'realName' })).toBe(false);
    expect(fails({ type: 'textarea', prefill: 'address' })).toBe(true);
  });
  it('rejects duplicate keys, unknown or empty sections', () => {
    const dup = { ...form, fields: [...form.fields, { ...form.fields[0] }] };
    expect(FormDef.safeParse(dup).success).toBe(false);
    const unknownSection = { ...form, fields: [...form.fields, { ...base, key: 'y', section: '其他' }] };
    expect(FormDef.safeParse(unknownSection).success).toBe(false);
    expect(FormDef.safeParse({ ...form, sections: [...form.sections, '空分组'] }).success).toBe(false);
    expect(FormDef.safeParse({ ...form, sections: [A, A, B, C] }).success).toBe(false);
  });
});

describe('answers: valid input and normalisation', () => {
  it('parses complete answers', () => {
    expect(schema.parse(valid)).toEqual(valid);
    expect(fieldErrors(form, valid)).toEqual({});
  });
  it('trims strings and upper-cases ID numbers', () => {
    const out = schema.parse({
      ...valid,
      realName: ' 张三 ',
      idNumber: '11010519491231002x',
      creditCode: ' 91350100m000100y43 ',
      phone: ' 13800138000 ',
      kind: ' sales ',
      day: ' 2024-05-01 ',
      address: '  广州市越秀区东风中路318号  ',
    });
    expect(out).toMatchObject({
      realName: '张三',
      idNumber: ID,
      creditCode: CODE,
      phone: '13800138000',
      kind: 'sales',
      day: '2024-05-01',
      address: '广州市越秀区东风中路318号',
    });
  });
  it('normalises empty optional fields to absent', () => {
    for (const empty of [undefined, null, '', '   ']) {
      const out = schema.parse({ ...valid, title: empty, creditCode: empty, address: empty, scope: empty, m1: empty });
      for (const k of ['title', 'creditCode', 'address', 'scope', 'm1']) expect(k in out).toBe(false);
    }
    expect('m1' in schema.parse({ ...valid, m1: [] })).toBe(false);
    expect(schema.parse({ ...valid, m1: [LICENCE] }).m1).toEqual([LICENCE]);
  });
  it('says 必填 for every required field missing, null, empty or blank', () => {
    const required = form.fields.filter((f) => f.required).map((f) => f.key);
    expect(Object.keys(fieldErrors(form, {})).sort()).toEqual([...required].sort());
    for (const key of required) {
      for (const empty of [undefined, null, '', '  ']) expect(errorFor(key, empty)).toBe('必填');
    }
    expect(errorFor('m0', [])).toBe('必填');
  });
});

describe('answers: each type rejects bad input in Chinese', () => {
  it('text: type, default and explicit length bounds, pattern', () => {
    expect(errorFor('realName', 42)).toBe('应为文字');
    expect(errorFor('realName', 'Zhang San')).toBe('应为 2–20 个汉字（可含间隔号“·”）');
    expect(errorFor('realName', '张'.repeat(21))).toBe('不能超过 20 个字');
    expect(errorFor('remark', 'a'.repeat(100))).toBeUndefined();
    expect(errorFor('remark', 'a'.repeat(101))).toBe('不能超过 100 个字');
    expect(errorFor('title', 'a')).toBe('至少 2 个字');
    expect(errorFor('title', ' ab ')).toBeUndefined();
    expect(errorFor('title', 'a'.repeat(11))).toBe('不能超过 10 个字');
  });
  it('textarea: 1000 characters by default', () => {
    expect(errorFor('scope', '字'.repeat(1000))).toBeUndefined();
    expect(errorFor('scope', '字'.repeat(1001))).toBe('不能超过 1000 个字');
  });
  it('number: a JSON number within bounds, never a string', () => {
    expect(errorFor('area', '12')).toBe('应为数字');
    expect(errorFor('area', Number.NaN)).toBe('应为数字');
    expect(errorFor('area', Number.POSITIVE_INFINITY)).toBe('应为数字');
    expect(errorFor('area', 0.5)).toBe('不能小于 1');
    expect(errorFor('area', 100.01)).toBe('不能大于 100');
    expect(errorFor('area', 1)).toBeUndefined();
    expect(errorFor('area', 100)).toBeUndefined();
  });
  it('date: YYYY-MM-DD and a real day', () => {
    expect(errorFor('day', 20240501)).toBe('应为日期');
    for (const bad of ['2024-5-1', '2024/05/01', '01-05-2024', '2024-05-01T00:00:00Z']) {
      expect(errorFor('day', bad)).toBe('应为“年-月-日”格式的日期，如 2024-05-01');
    }
    for (const bad of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '1899-12-31']) {
      expect(errorFor('day', bad)).toBe('不是有效的日期');
    }
    expect(errorFor('day', '2000-02-29')).toBeUndefined();
  });
  it('choice: one of the option values', () => {
    expect(errorFor('kind', '餐饮服务')).toBe('不是可选的值');
    expect(errorFor('kind', 'canteen')).toBe('不是可选的值');
    expect(errorFor('kind', 1)).toBe('不是可选的值');
    expect(errorFor('kind', 'sales')).toBeUndefined();
  });
  it('residentId: shape, birth date, check digit', () => {
    expect(errorFor('idNumber', '12345')).toBe('应为 18 位，最后一位是数字或 X');
    expect(errorFor('idNumber', '110105194902300021')).toBe('号码里的出生日期不对，请核对第 7 到 14 位');
    expect(errorFor('idNumber', '110105194912310021')).toBe('号码有误，请逐位核对，特别是最后一位');
    expect(errorFor('idNumber', 110105194912310020)).toBe('应为文字');
  });
  it('creditCode: shape and check character', () => {
    expect(errorFor('creditCode', '9135010')).toBe('应为 18 位数字或大写字母（不含 I、O、Z、S、V），见营业执照');
    expect(errorFor('creditCode', '91350100M000100Y44')).toBe('代码有误，请对照营业执照逐位核对');
    expect(errorFor('creditCode', CODE)).toBeUndefined();
  });
  it('phone: an 11-digit mainland mobile', () => {
    for (const bad of ['12800138000', '1380013800', '020-83123456']) expect(errorFor('phone', bad)).toBe('应为 11 位手机号码');
    expect(errorFor('phone', 13800138000)).toBe('应为文字');
  });
  it('address: 5 to 120 characters', () => {
    expect(errorFor('address', '越秀区')).toBe('至少 5 个字');
    expect(errorFor('address', '广'.repeat(121))).toBe('不能超过 120 个字');
    expect(errorFor('address', '广'.repeat(120))).toBeUndefined();
  });
  it('file: always a list of 1–10 uploads or e-licences (the pages of one material)', () => {
    expect(errorFor('m0', [UPLOAD, LICENCE])).toBeUndefined();
    expect(errorFor('m0', UPLOAD)).toBe('应为上传的文件或电子证照列表');
    expect(errorFor('m0', 'f_abcdEFGH1234')).toBe('应为上传的文件或电子证照列表');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ kind: 'upload', fileId: `f_abcdefgh${i}` }));
    expect(errorFor('m0', eleven)).toBe('最多 10 页（份）');
    expect(errorFor('m0', eleven.slice(0, 10))).toBeUndefined();
    expect(errorFor('m0', [{ kind: 'upload', fileId: 'abc' }])).toBe('文件编号不正确');
    expect(errorFor('m0', [{ kind: 'upload', fileId: 'f_short' }])).toBe('文件编号不正确');
    expect(errorFor('m0', [{ kind: 'upload' }])).toBe('文件编号不正确');
    expect(errorFor('m0', [{ kind: 'elicence', licenceId: 'el_x' }])).toBe('电子证照编号不正确');
    expect(errorFor('m0', [{ kind: 'elicence', fileId: 'f_abcdEFGH1234' }])).toBe('电子证照编号不正确');
    expect(errorFor('m0', [{ kind: 'photo', fileId: 'f_abcdEFGH1234' }])).toBe('应为上传的文件或电子证照');
    expect(errorFor('m0', ['f_abcdEFGH1234'])).toBe('应为上传的文件或电子证照');
    expect(errorFor('m0', [{ ...UPLOAD, size: 1 }])).toBe('应为上传的文件或电子证照');
    expect(errorFor('m0', [UPLOAD, { ...UPLOAD }])).toBe('同一份材料重复提交');
  });
  it('never names the field and always speaks Chinese', () => {
    const bad = {
      realName: 'x',
      idNumber: 'x',
      creditCode: 'x',
      phone: 'x',
      address: 'x',
      title: 'x',
      remark: 'x'.repeat(200),
      scope: 5,
      area: 'x',
      day: 'x',
      kind: 'x',
      m0: 'x',
      m1: [{}],
    };
    const errors = fieldErrors(form, bad);
    expect(Object.keys(errors).sort()).toEqual(Object.keys(bad).sort());
    for (const field of form.fields) {
      expect(errors[field.key]).toMatch(HAS_CHINESE);
      // '应为 11 位手机号码' may mention what is expected; the label itself is prefixed by the caller.
      expect(errors[field.key].startsWith(field.label)).toBe(false);
      expect(errors[field.key]).not.toContain('：');
    }
  });
});

describe('answers: strictness', () => {
  it('rejects keys that are not fields of the form', () => {
    expect(schema.safeParse({ ...valid, admin: true }).success).toBe(false);
    expect(fieldErrors(form, { ...valid, admin: true, role: 'x' })).toEqual({ admin: '不是此表单的内容', role: '不是此表单的内容' });
  });
  it('reports answers that are not an object under _form', () => {
    for (const bad of [null, 'x', 5, [valid]]) expect(fieldErrors(form, bad)).toEqual({ _form: '应为表单内容' });
  });
  it('fieldValueSchema validates one field as a person types', () => {
    const phone = form.fields.find((f) => f.key === 'phone')!;
    expect(fieldValueSchema(phone).safeParse('13800138000').success).toBe(true);
    expect(fieldValueSchema(phone).safeParse('1380013800').error?.issues[0].message).toBe('应为 11 位手机号码');
  });
});

describe('prefill', () => {
  it('fills the fields with a prefill from the profile, nothing else', () => {
    const answers = prefillAnswers(form, {
      realName: ' 张三 ',
      idNumber: ID,
      phone: '13800138000',
      creditCode: '',
      address: '   ',
      enterpriseName: '越秀测试有限公司',
    });
    expect(answers).toEqual({ realName: '张三', idNumber: ID, phone: '13800138000' });
  });
  it('returns {} for an empty profile', () => {
    expect(prefillAnswers(form, {})).toEqual({});
  });
  it('pre-filled answers validate where the profile is right', () => {
    const answers = prefillAnswers(form, { realName: '张三', idNumber: ID, phone: '13800138000', creditCode: CODE });
    const errors = fieldErrors(form, answers);
    for (const key of Object.keys(answers)) expect(errors[key]).toBeUndefined();
  });
});

describe('the applicant is the proven person (issue 16)', () => {
  const profile = { realName: '张三', idNumber: ID, creditCode: CODE };
  it('passes the proven values, however they are spaced or cased', () => {
    expect(identityMismatches(form, prefillAnswers(form, profile), profile)).toEqual([]);
    expect(identityMismatches(form, { realName: ' 张三', idNumber: ID.toLowerCase() }, profile)).toEqual([]);
  });
  it("names the fields that carry someone else's name or ID", () => {
    const other = `${ID.slice(0, 16)}${ID[16] === '1' ? '3' : '1'}${ID[17]}`;
    const labels = identityMismatches(form, { ...prefillAnswers(form, profile), realName: '李四', idNumber: other }, profile);
    expect(labels).toHaveLength(2);
  });
  it('holds nothing to a value the profile does not have', () => {
    expect(identityMismatches(form, { realName: '李四' }, {})).toEqual([]);
  });
});

describe('helpers', () => {
  it('formLabels maps keys to labels', () => {
    expect(formLabels(form)).toMatchObject({ phone: '手机号码', m0: '居民身份证' });
  });
  it('isIsoDate knows leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2100-12-31')).toBe(true);
    expect(isIsoDate('2101-01-01')).toBe(false);
  });
});
