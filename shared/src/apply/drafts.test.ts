import { SERVICE_ITEMS } from '../guide/catalogue';
import type { Material, ServiceItem } from '../guide/schema';
import { draftChangeNotice, draftPrints, fieldPrint, mergeDraft } from './drafts';
import type { AnswerValue, FieldDef, FormDef } from './form';
import { formForItem } from './forms';

const item = (id: string): ServiceItem => SERVICE_ITEMS.find((i) => i.id === id)!;
const files = (form: FormDef) => form.fields.filter((f) => f.type === 'file');

/** A value for each field: a distinct upload per material, so a test can tell where each went. */
function sample(f: FieldDef, n: number): AnswerValue {
  switch (f.type) {
    case 'number':
      return f.min ?? 1;
    case 'choice':
      return f.options![0].value;
    case 'date':
      return '2024-05-01';
    case 'file':
      return [{ kind: 'upload', fileId: `f_upload000${n}` }];
    default:
      return '测试内容';
  }
}
const fill = (form: FormDef) => Object.fromEntries(form.fields.map((f, n) => [f.key, sample(f, n)]));
/** A draft saved on `form`, as the mini-program saves it. */
const saved = (form: FormDef, answers = fill(form), deferred: string[] = []) => ({ answers, deferred, fields: draftPrints(form, answers) });

const upload = (name: string): Material => ({
  name,
  required: true,
  form: 'original',
  copies: 0,
  eLicence: null,
  source: 'upload',
  instruction: '拍照或扫描后上传，四角完整、字迹清楚。',
});
const food = item('food-business-licence');
const before = formForItem(food);

describe('field fingerprints', () => {
  it('are short, stable across runs and change with the key, type, label or material', () => {
    const f: FieldDef = { key: 'm0', label: '营业执照', type: 'file', required: true, section: '申请材料', materialName: '营业执照' };
    // a stored draft is compared with this value: changing the hash would drop every draft's answers
    expect(fieldPrint(f)).toBe('12dd5kmwb24');
    const moved: FieldDef = { ...f, required: false, help: '另一段说明', section: '其他' };
    expect(fieldPrint(moved)).toBe(fieldPrint(f));
    const variants = [
      { ...f, key: 'm1' },
      { ...f, label: '户口簿' },
      { ...f, type: 'text' as const },
      { ...f, materialName: '营业执照副本' },
    ];
    expect(new Set([f, ...variants].map(fieldPrint)).size).toBe(5);
    expect(fieldPrint(f)).toMatch(/^[0-9a-z]{1,12}$/);
  });

  it('are saved for the answered fields only', () => {
    const answers = { [before.fields[0].key]: '张三', notAField: 'x' };
    expect(draftPrints(before, answers)).toEqual({ [before.fields[0].key]: fieldPrint(before.fields[0]) });
  });
});

describe('a saved draft opened on the form', () => {
  it('keeps every answer when the form is the same', () => {
    const draft = saved(before, fill(before), [files(before)[0].materialName!]);
    const m = mergeDraft(before, draft);
    expect(m).toEqual({ answers: draft.answers, deferred: draft.deferred, reupload: [], refill: [], removed: 0 });
    expect(draftChangeNotice(m)).toEqual([]);
  });

  it('drops the uploads whose material moved when a material is inserted before them, and names the materials', () => {
    expect(files(before).length).toBeGreaterThanOrEqual(2);
    const after = formForItem({ ...food, materials: [upload('房屋租赁合同'), ...food.materials] });
    const draft = saved(before);
    const m = mergeDraft(after, draft);
    // typed answers stay; no upload lands in another material
    for (const f of before.fields.filter((x) => x.type !== 'file')) expect(m.answers[f.key]).toEqual(draft.answers[f.key]);
    for (const f of files(after)) expect(m.answers[f.key]).toBeUndefined();
    // each material whose slot held another material's upload is named, the new one first
    const shifted = files(after).slice(0, files(before).length);
    expect(m.reupload).toEqual(shifted.map((f) => f.materialName));
    expect(m.reupload[0]).toBe('房屋租赁合同');
    expect(m.refill).toEqual([]);
    expect(draftChangeNotice(m)).toEqual([`办事指南更新了所需材料，请重新上传：${m.reupload.join('、')}`]);
  });

  it('keeps the uploads of a material added after them', () => {
    const after = formForItem({ ...food, materials: [...food.materials, upload('房屋租赁合同')] });
    const draft = saved(before);
    expect(mergeDraft(after, draft)).toMatchObject({ answers: draft.answers, reupload: [], removed: 0 });
  });

  it('counts the answers of fields the form no longer has, and asks again for a field that changed meaning', () => {
    const gone = files(before)[files(before).length - 1];
    const text = before.fields.find((f) => f.type === 'address')!;
    const after: FormDef = {
      ...before,
      fields: before.fields.filter((f) => f !== gone).map((f) => (f === text ? { ...f, label: '实际经营地址' } : f)),
    };
    const m = mergeDraft(after, saved(before));
    expect(m.removed).toBe(1);
    expect(m.refill).toEqual(['实际经营地址']);
    expect(m.answers[text.key]).toBeUndefined();
    expect(draftChangeNotice(m)).toEqual(['申请表有调整，请重新填写：实际经营地址', '另有 1 项已填写或上传的内容现在不再需要，已移除。']);
    // what the prefill gives again is not asked for
    const pre = mergeDraft(after, saved(before), { prefill: { [text.key]: '广州市越秀区东风中路318号' } });
    expect(pre.refill).toEqual([]);
    expect(pre.answers[text.key]).toBe('广州市越秀区东风中路318号');
  });

  it('opens an old draft without fingerprints: typed answers of the same kind stay, uploads are dropped and named', () => {
    const answers = fill(before);
    const choice = before.fields.find((f) => f.type === 'choice')!;
    const number = before.fields.find((f) => f.type === 'number')!;
    const m = mergeDraft(before, { answers: { ...answers, [choice.key]: 'no-such-option', [number.key]: '12', gone: 'x' }, deferred: [] });
    for (const f of before.fields.filter((x) => x.type !== 'file' && x !== choice && x !== number)) expect(m.answers[f.key]).toEqual(answers[f.key]);
    for (const f of files(before)) expect(m.answers[f.key]).toBeUndefined();
    expect(m.reupload).toEqual(files(before).map((f) => f.materialName));
    expect(m.refill).toEqual([choice.label, number.label]);
    expect(m.removed).toBe(1);
    expect(draftChangeNotice(m)[0]).toBe(
      `办事指南更新了所需材料，请重新上传：${files(before)
        .map((f) => f.materialName)
        .join('、')}`,
    );
  });

  it("keeps an old draft's e-licence where the wallet proves it is of the type that material takes", () => {
    const [first, second] = files(before);
    const ctx = {
      licences: [
        { id: 'el_biz001', type: 'business-licence' },
        { id: 'el_id0001', type: 'id-card' },
      ],
      licenceTypes: { [first.key]: 'business-licence', [second.key]: null },
    };
    const licence = (id: string) => [{ kind: 'elicence', licenceId: id }];
    const m = mergeDraft(before, { answers: { [first.key]: licence('el_biz001'), [second.key]: licence('el_biz001') } }, ctx);
    expect(m.answers).toEqual({ [first.key]: licence('el_biz001') }); // the second material takes no licence: not proven
    expect(m.reupload).toEqual([second.materialName]);
    // another type, a licence not in the wallet, or an upload beside it: not proven
    for (const value of [licence('el_id0001'), licence('el_gone001'), [...licence('el_biz001'), { kind: 'upload', fileId: 'f_upload0001' }]]) {
      expect(mergeDraft(before, { answers: { [first.key]: value } }, ctx).reupload).toEqual([first.materialName]);
    }
  });

  it('keeps 容缺 only for materials the form still requires, and the prefill under the answers', () => {
    const [first] = files(before);
    const m = mergeDraft(before, saved(before, { [first.key]: [{ kind: 'elicence', licenceId: 'el_biz001' }] }, [first.materialName!, '已取消的材料']), {
      prefill: { [before.fields[0].key]: '预填' },
    });
    expect(m.deferred).toEqual([first.materialName]);
    expect(m.answers).toEqual({ [before.fields[0].key]: '预填', [first.key]: [{ kind: 'elicence', licenceId: 'el_biz001' }] });
  });

  it('gives the prefill alone without a draft', () => {
    expect(mergeDraft(before, undefined, { prefill: { a: 1 } })).toEqual({ answers: { a: 1 }, deferred: [], reupload: [], refill: [], removed: 0 });
  });
});
