import * as z from 'zod';
import { CreditCode, Mobile, ResidentId } from '../identity/schema';
import { lazy } from '../api/lazy';

/**
 * Application forms as data (网上申办: "fields defined as data per item"). The same FormDef is
 * rendered by the mini-program and validated, with the schema `buildAnswersSchema` derives from
 * it, both as a person types and again in the function that receives the application.
 *
 * Messages are Chinese and never name the field: the caller prefixes the field's label
 * (e.g. with `describeIssues(error, formLabels(form))`).
 *
 * Answer shapes, by field type:
 *   text, textarea, address, date  trimmed string ('YYYY-MM-DD' for date)
 *   choice                         the option's value
 *   number                         a JSON number (strings are not coerced)
 *   residentId, creditCode         trimmed, upper-case string (check digit verified)
 *   phone                          trimmed string, 11-digit mainland mobile
 *   file                           ALWAYS an array of 1–10 FileRef (FILES_MAX), even for a single file:
 *                                  [{ kind: 'upload', fileId: 'f_…' } | { kind: 'elicence', licenceId: 'el_…' }]
 * An optional field may be absent, null, '' (or only spaces) or, for files, []; all of these are
 * normalised to absent (the key is removed from the parsed answers). A required field given any of
 * them fails with '必填'. Keys that are not fields of the form are rejected.
 */

export const FieldType = lazy(() => z.enum(['text', 'textarea', 'number', 'date', 'choice', 'residentId', 'creditCode', 'phone', 'address', 'file']));
export type FieldType = z.infer<typeof FieldType>;

/** What the system already knows about the applicant, used to pre-fill fields (少填). */
export const PrefillKey = lazy(() => z.enum(['realName', 'idNumber', 'phone', 'enterpriseName', 'creditCode', 'legalRepresentative', 'address', 'street']));
export type PrefillKey = z.infer<typeof PrefillKey>;

/** Which field types a pre-filled value may go into. */
export const PREFILL_FIELD_TYPES: Record<PrefillKey, readonly FieldType[]> = {
  realName: ['text'],
  idNumber: ['residentId'],
  phone: ['phone'],
  enterpriseName: ['text'],
  creditCode: ['creditCode'],
  legalRepresentative: ['text'],
  address: ['address', 'text', 'textarea'],
  street: ['choice'],
};

export const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;
const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** Default length bounds of free text. */
export const TEXT_MAX = 100;
export const TEXTAREA_MAX = 1000;
export const ADDRESS_MIN = 5;
export const ADDRESS_MAX = 120;
/**
 * At most this many uploads / e-licences per file field: the pages of one material (photos, PDFs, or both; issue 16 —
 * a contract or a certificate of several pages photographed one by one). The app offers no more (MaterialUpload).
 */
export const FILES_MAX = 10;

export const FILE_ID = /^f_[A-Za-z0-9_-]{8,64}$/;
export const LICENCE_ID = /^el_[A-Za-z0-9_-]{4,64}$/;

export const ChoiceOption = lazy(() =>
  z.strictObject({
    value: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    label: z.string().min(1).max(30),
  }),
);
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const compiles = (source: string): boolean => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

/** An extra rule for text fields, e.g. a name in Chinese characters. `regex` is a RegExp source. */
export const FieldPattern = lazy(() =>
  z.strictObject({
    regex: z.string().min(1).max(200).refine(compiles, { message: '不是有效的正则表达式' }),
    message: z.string().min(1).max(40).regex(HAS_CHINESE, { message: '应为中文提示' }),
  }),
);
export type FieldPattern = z.infer<typeof FieldPattern>;

const LENGTH_TYPES: readonly FieldType[] = ['text', 'textarea'];
const BOUNDED_TYPES: readonly FieldType[] = ['text', 'textarea', 'number'];

export const FieldDef = lazy(() =>
  z
    .strictObject({
      key: z.string().regex(FIELD_KEY, { message: '应以字母开头，只含字母和数字，最长 40 位' }),
      label: z.string().min(1).max(20).regex(HAS_CHINESE, { message: '应为中文名称' }),
      type: FieldType,
      required: z.boolean(),
      section: z.string().min(1).max(40),
      help: z.string().max(400).optional(),
      placeholder: z.string().max(40).optional(),
      /** choice only: the values and their labels. */
      options: z.array(ChoiceOption).min(1).max(50).optional(),
      /** number: the value's bounds; text / textarea: length bounds. */
      min: z.number().optional(),
      max: z.number().optional(),
      /** text / textarea only. */
      pattern: FieldPattern.optional(),
      prefill: PrefillKey.optional(),
      /** file only: the name of the item's material this field satisfies. */
      materialName: z.string().min(2).max(60).optional(),
    })
    .superRefine((f, ctx) => {
      const problem = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
      if (f.type === 'choice') {
        if (!f.options) problem('单选项需要选项', 'options');
        else if (new Set(f.options.map((o) => o.value)).size !== f.options.length) problem('选项的值重复', 'options');
      } else if (f.options) problem('只有单选项可以设置选项', 'options');
      if ((f.min !== undefined || f.max !== undefined) && !BOUNDED_TYPES.includes(f.type)) {
        problem('只有文字和数字可以设置范围', f.min !== undefined ? 'min' : 'max');
      }
      if (LENGTH_TYPES.includes(f.type)) {
        for (const k of ['min', 'max'] as const) {
          const v = f[k];
          if (v !== undefined && (!Number.isInteger(v) || v < 0)) problem('字数应为非负整数', k);
        }
      }
      if (f.min !== undefined && f.max !== undefined && f.min > f.max) problem('最小值不能大于最大值', 'min');
      if (f.pattern && !LENGTH_TYPES.includes(f.type)) problem('只有文字可以设置格式', 'pattern');
      if (f.materialName !== undefined && f.type !== 'file') problem('只有材料项可以对应材料', 'materialName');
      if (f.prefill && !PREFILL_FIELD_TYPES[f.prefill].includes(f.type)) problem('预填内容与字段类型不符', 'prefill');
    }),
);
export type FieldDef = z.infer<typeof FieldDef>;

/**
 * The keys of the common sections (申请人信息 and 联系方式, `shared/src/apply/forms.ts`): an item's own question may not
 * take one of them, nor a material's key (`m0`, `m1`…).
 */
export const COMMON_FIELD_KEYS: readonly string[] = [
  'realName',
  'idNumber',
  'enterpriseName',
  'creditCode',
  'legalRepresentative',
  'phone',
  'address',
  'street',
];

/** The types an item's own question may have (issue 16: form fields as catalogue data); files are the item's materials. */
export const ITEM_FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'choice', 'address', 'phone', 'residentId'] as const;
export type ItemFieldType = (typeof ITEM_FIELD_TYPES)[number];
export const ITEM_FIELD_TYPE_NAMES: Record<ItemFieldType, string> = {
  text: '单行文字',
  textarea: '多行文字',
  number: '数字',
  date: '日期',
  choice: '单选',
  address: '地址',
  phone: '手机号码',
  residentId: '身份证号码',
};
/** An item's own question key: a lower-case letter first, then letters and digits, 2–40 characters. */
export const ITEM_FIELD_KEY = /^[a-z][A-Za-z0-9]{1,39}$/;
export const ITEM_FIELDS_MAX = 30;

/**
 * One of an item's own questions as the catalogue stores it (`ServiceItem.fields`): a FieldDef without its section
 * (the form puts it under 事项信息), pre-fill or material. Checked by the same rules as FieldDef (options only for a
 * choice, bounds only for text and numbers…), with messages for the admin who writes it.
 */
export const ItemField = lazy(() =>
  z
    .strictObject({
      key: z
        .string({ message: '字段编号必填' })
        .regex(ITEM_FIELD_KEY, { message: '字段编号应以小写字母开头，只含字母和数字，2–40 位' })
        .refine((k) => !COMMON_FIELD_KEYS.includes(k) && !/^m\d+$/.test(k), { message: '字段编号与申请人、联系方式或材料的编号重复，请换一个' }),
      label: z
        .string({ message: '字段名称必填' })
        .trim()
        .min(1, { message: '字段名称不能为空' })
        .max(20, { message: '字段名称不能超过 20 个字' })
        .regex(HAS_CHINESE, { message: '字段名称应为中文' }),
      type: z.enum(ITEM_FIELD_TYPES, { message: `字段类型应为：${Object.values(ITEM_FIELD_TYPE_NAMES).join('、')}` }),
      required: z.boolean({ message: '请选择是否必填' }),
      help: z.string().trim().max(200, { message: '填写说明不能超过 200 个字' }).optional(),
      placeholder: z.string().trim().max(40, { message: '输入提示不能超过 40 个字' }).optional(),
      options: z
        .array(
          z.strictObject({
            value: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: '选项的值只含字母、数字、-、_' }),
            label: z.string().trim().min(1, { message: '选项不能为空' }).max(30, { message: '选项不能超过 30 个字' }),
          }),
        )
        .min(1, { message: '单选至少要有 1 个选项' })
        .max(50, { message: '单选最多 50 个选项' })
        .optional(),
      min: z.number({ message: '最小值应为数字' }).optional(),
      max: z.number({ message: '最大值应为数字' }).optional(),
      /** text / textarea only: a format rule (the shipped items' name fields have one; kept when an admin saves them) */
      pattern: FieldPattern.optional(),
    })
    .superRefine((f, ctx) => {
      const problem = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
      if (f.type === 'choice') {
        if (!f.options) problem('单选需要选项', 'options');
        else {
          if (new Set(f.options.map((o) => o.value)).size !== f.options.length) problem('选项的值重复', 'options');
          if (new Set(f.options.map((o) => o.label)).size !== f.options.length) problem('选项重复', 'options');
        }
      } else if (f.options) problem('只有单选可以设置选项', 'options');
      if ((f.min !== undefined || f.max !== undefined) && !BOUNDED_TYPES.includes(f.type))
        problem('只有文字和数字可以设置范围', f.min !== undefined ? 'min' : 'max');
      if (LENGTH_TYPES.includes(f.type)) {
        for (const k of ['min', 'max'] as const) {
          const v = f[k];
          if (v !== undefined && (!Number.isInteger(v) || v < 0)) problem('字数应为非负整数', k);
        }
      }
      if (f.min !== undefined && f.max !== undefined && f.min > f.max) problem('最小值不能大于最大值', 'min');
      if (f.pattern && !LENGTH_TYPES.includes(f.type)) problem('只有文字可以设置格式', 'pattern');
    }),
);
export type ItemField = z.infer<typeof ItemField>;

/** An item's own questions: at most ITEM_FIELDS_MAX, each key and each name once. */
export const ItemFields = lazy(() =>
  z
    .array(ItemField)
    .max(ITEM_FIELDS_MAX, { message: `表单字段最多 ${ITEM_FIELDS_MAX} 个` })
    .superRefine((fields, ctx) => {
      const keys = new Set<string>();
      const labels = new Set<string>();
      fields.forEach((f, i) => {
        if (keys.has(f.key)) ctx.addIssue({ code: 'custom', message: `字段编号“${f.key}”重复`, path: [i, 'key'] });
        if (labels.has(f.label)) ctx.addIssue({ code: 'custom', message: `字段名称“${f.label}”重复`, path: [i, 'label'] });
        keys.add(f.key);
        labels.add(f.label);
      });
    }),
);

/** A material the form does not ask to upload (see `FormDef.materialsWithoutUpload`). */
export const NotUploadedMaterial = lazy(() =>
  z.strictObject({
    name: z.string().min(2).max(60),
    instruction: z.string().min(2).max(120),
  }),
);
export type NotUploadedMaterial = z.infer<typeof NotUploadedMaterial>;

export const FormDef = lazy(() =>
  z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9:-]{1,80}$/),
      title: z.string().min(2).max(40),
      sections: z.array(z.string().min(1).max(40)).min(1),
      fields: z.array(FieldDef).min(1).max(200),
      /**
       * The items' materials this form does not ask to upload, with what the person is told about each: what the form
       * itself produces (the 申请表 filled in here), what another department provides, what another item of the same
       * 一件事 issues. The materials step lists them, without an upload.
       */
      materialsWithoutUpload: z.array(NotUploadedMaterial).max(50).optional(),
    })
    .superRefine((form, ctx) => {
      const seen = new Set<string>();
      form.fields.forEach((f, i) => {
        if (seen.has(f.key)) ctx.addIssue({ code: 'custom', message: `字段 ${f.key} 重复`, path: ['fields', i, 'key'] });
        seen.add(f.key);
        if (!form.sections.includes(f.section)) {
          ctx.addIssue({ code: 'custom', message: `分组“${f.section}”不在分组列表中`, path: ['fields', i, 'section'] });
        }
      });
      if (new Set(form.sections).size !== form.sections.length) {
        ctx.addIssue({ code: 'custom', message: '分组重复', path: ['sections'] });
      }
      form.sections.forEach((s, i) => {
        if (!form.fields.some((f) => f.section === s)) {
          ctx.addIssue({ code: 'custom', message: `分组“${s}”没有字段`, path: ['sections', i] });
        }
      });
    }),
);
export type FormDef = z.infer<typeof FormDef>;

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

export const FileRef = lazy(() =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject(
        { kind: z.literal('upload'), fileId: z.string({ error: '文件编号不正确' }).regex(FILE_ID, { message: '文件编号不正确' }) },
        { error: '应为上传的文件或电子证照' },
      ),
      z.strictObject(
        {
          kind: z.literal('elicence'),
          licenceId: z.string({ error: '电子证照编号不正确' }).regex(LICENCE_ID, { message: '电子证照编号不正确' }),
        },
        { error: '应为上传的文件或电子证照' },
      ),
    ],
    { error: '应为上传的文件或电子证照' },
  ),
);
export type FileRef = z.infer<typeof FileRef>;

export type AnswerValue = string | number | FileRef[];
export type Answers = Record<string, AnswerValue>;
export type Profile = Partial<Record<PrefillKey, string>>;

const REQUIRED = '必填';
const isEmpty = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
/** '必填' when nothing was given, otherwise `wrongType`. */
const typeError = (wrongType: string) => (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED : wrongType);

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** A real calendar day written 'YYYY-MM-DD', between 1900 and 2100. */
export function isIsoDate(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const text = (wrongType = '应为文字') => z.string({ error: typeError(wrongType) });

function boundedText(field: FieldDef, defaultMax: number): z.ZodType<string> {
  const min = field.min ?? 1;
  const max = field.max ?? defaultMax;
  let s = text()
    .trim()
    .max(max, { message: `不能超过 ${max} 个字` });
  if (min > 1) s = s.min(min, { message: `至少 ${min} 个字` });
  if (field.pattern) s = s.regex(new RegExp(field.pattern.regex), { message: field.pattern.message });
  return s;
}

/** The schema of one field's value when it is given (emptiness is handled by `buildAnswersSchema`). */
export function fieldValueSchema(field: FieldDef): z.ZodType<AnswerValue> {
  switch (field.type) {
    case 'text':
      return boundedText(field, TEXT_MAX);
    case 'textarea':
      return boundedText(field, TEXTAREA_MAX);
    case 'number': {
      let n = z.number({ error: typeError('应为数字') });
      if (field.min !== undefined) n = n.min(field.min, { message: `不能小于 ${field.min}` });
      if (field.max !== undefined) n = n.max(field.max, { message: `不能大于 ${field.max}` });
      return n;
    }
    case 'date':
      return text('应为日期')
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '应为“年-月-日”格式的日期，如 2024-05-01', abort: true })
        .refine(isIsoDate, { message: '不是有效的日期' });
    case 'choice': {
      const values = (field.options ?? []).map((o) => o.value);
      return text('不是可选的值')
        .trim()
        .refine((v) => values.includes(v), { message: '不是可选的值' });
    }
    case 'residentId':
      return text().pipe(ResidentId);
    case 'creditCode':
      return text().pipe(CreditCode);
    case 'phone':
      return text().pipe(Mobile);
    case 'address':
      return text()
        .trim()
        .min(ADDRESS_MIN, { message: `至少 ${ADDRESS_MIN} 个字` })
        .max(ADDRESS_MAX, { message: `不能超过 ${ADDRESS_MAX} 个字` });
    case 'file':
      return z
        .array(FileRef, { error: typeError('应为上传的文件或电子证照列表') })
        .max(FILES_MAX, { message: `最多 ${FILES_MAX} 页（份）` })
        .refine((refs) => new Set(refs.map((r) => (r.kind === 'upload' ? r.fileId : r.licenceId))).size === refs.length, {
          message: '同一份材料重复提交',
        });
  }
}

/**
 * The strict zod schema of a form's answers. Parsing returns the normalised answers: strings
 * trimmed (ID numbers upper-cased), empty optional fields removed.
 */
export function buildAnswersSchema(form: FormDef): z.ZodType<Answers> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of form.fields) {
    const value = fieldValueSchema(field);
    shape[field.key] = z.preprocess((v) => (isEmpty(v) ? undefined : v), field.required ? value : value.optional());
  }
  return z
    .strictObject(shape, {
      error: (issue) => (issue.code === 'unrecognized_keys' ? '含有表单以外的内容' : '应为表单内容'),
    })
    .transform((answers) => {
      const out: Answers = {};
      for (const [k, v] of Object.entries(answers)) if (v !== undefined) out[k] = v as AnswerValue;
      return out;
    });
}

/** The pre-filled answers: only the fields with a `prefill` whose value the profile has. */
export function prefillAnswers(form: FormDef, profile: Profile): Answers {
  const answers: Answers = {};
  for (const field of form.fields) {
    if (!field.prefill) continue;
    const value = profile[field.prefill]?.trim();
    if (value) answers[field.key] = value;
  }
  return answers;
}

/** Key under which `fieldErrors` reports a problem with the answers as a whole (not an object). */
export const FORM_ERROR_KEY = '_form';

/**
 * The first Chinese message for every field in error; {} when the answers are valid.
 * A key that is not a field of the form is reported under that key ('不是此表单的内容').
 */
export function fieldErrors(form: FormDef, answers: unknown): Record<string, string> {
  const result = buildAnswersSchema(form).safeParse(answers);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const k of issue.keys) errors[k] ??= '不是此表单的内容';
      continue;
    }
    const key = issue.path.length ? String(issue.path[0]) : FORM_ERROR_KEY;
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Field labels by key, for `describeIssues(error, formLabels(form))`. */
export function formLabels(form: FormDef): Record<string, string> {
  return Object.fromEntries(form.fields.map((f) => [f.key, f.label]));
}

/** The profile values that must stay as proven: a person's name and ID, a firm's name and code (issue 16). */
const PROVEN_KEYS = ['realName', 'idNumber', 'enterpriseName', 'creditCode'] as const;
const sameValue = (a: string, b: string) => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/**
 * The labels of the fields that name the applicant (pre-filled from the proven identity) but were answered with someone
 * else's name, ID number or firm: refused, not only pre-filled. Fields the profile has no proven value for are not
 * compared (nothing to hold them to).
 */
export function identityMismatches(form: FormDef, answers: Answers, profile: Profile): string[] {
  const out: string[] = [];
  for (const f of form.fields) {
    if (!f.prefill || !(PROVEN_KEYS as readonly string[]).includes(f.prefill)) continue;
    const proven = profile[f.prefill]?.trim();
    const given = answers[f.key];
    if (proven && typeof given === 'string' && given.trim() && !sameValue(given, proven)) out.push(f.label);
  }
  return out;
}
