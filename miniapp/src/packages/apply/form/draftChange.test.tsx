import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { draftPrints, type FormDef } from '@yx/shared';
import type { FormPayload } from '../../../api/client';
import { signIn } from '../../../../test/session';
import ApplyForm from './index';

const request = Taro.request as unknown as jest.Mock;
const FORM_ID = 'item-id-card-renewal';
type Call = { url: string; method: string; data?: string };
const puts = () => request.mock.calls.map((c) => c[0] as Call).filter((c) => c.method === 'PUT' && c.url.split('?')[0] === `/v1/drafts/${FORM_ID}`);

const material = (key: string, name: string) => ({ key, label: name, type: 'file' as const, required: true, section: '申请材料', materialName: name });
/** The form when the draft was saved: 身份证 was the first material, 户口簿 the second. */
const before: FormDef = {
  id: 'item-id-card-renewal',
  title: '居民身份证换领',
  sections: ['基本信息', '申请材料'],
  fields: [{ key: 'reason', label: '换领原因', type: 'text', required: true, section: '基本信息' }, material('m0', '居民身份证'), material('m1', '居民户口簿')],
};
/** The guide has since added a material in front: every key after it now names another material. */
const after: FormDef = { ...before, fields: [before.fields[0], material('m0', '近期免冠照片'), material('m1', '居民身份证'), material('m2', '居民户口簿')] };

const answers = { reason: '有效期满', m0: [{ kind: 'upload', fileId: 'f_idcard0001' }], m1: [{ kind: 'upload', fileId: 'f_hukou00001' }] };
const payload = (form: FormDef, draft?: FormPayload['draft']): FormPayload => ({
  formId: FORM_ID,
  form,
  itemNames: ['居民身份证换领'],
  prefill: {},
  draft,
  verified: true,
  assurance: { needed: 1, level: 1 },
  licences: [],
  licenceTypes: { m0: null, m1: null, m2: null },
  tolerance: { grade: null, quota: 0, dueWorkingDays: 20, itemOpen: false },
  inProgress: [],
});

function serve(p: FormPayload) {
  request.mockImplementation(async (c: Call) => {
    const key = `${c.method} ${c.url.split('?')[0]}`;
    if (key === `GET /v1/forms/${FORM_ID}`) return { statusCode: 200, data: p };
    if (key === `PUT /v1/drafts/${FORM_ID}`) return { statusCode: 200, data: { ...JSON.parse(c.data!), savedAt: '2026-11-26T06:00:00Z' } };
    throw new Error(`unexpected ${key}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { formId: FORM_ID } });
  signIn({ id: 'u1', role: 'resident', nickname: '张晓明', verified: true, level: 1 });
});

describe('a draft saved before the guide changed its materials', () => {
  it('drops the uploads that would land in another material, names those materials and keeps what was typed', async () => {
    serve(payload(after, { answers, deferred: [], step: 0, savedAt: '2026-11-20T06:00:00Z', fields: draftPrints(before, answers) }));
    render(<ApplyForm />);
    const note = await screen.findByTestId('draft-changed');
    expect(note).toHaveTextContent('办事指南更新了所需材料，请重新上传：近期免冠照片、居民身份证');
    expect(screen.getByLabelText('换领原因')).toHaveValue('有效期满');

    // the next save carries today's fingerprints and none of the dropped uploads
    fireEvent.change(screen.getByLabelText('换领原因'), { target: { value: '证件损坏' } });
    await waitFor(() => expect(puts()).toHaveLength(1), { timeout: 3000 });
    const sent = JSON.parse(puts()[0].data!);
    expect(sent.answers).toEqual({ reason: '证件损坏' });
    expect(sent.fields).toEqual(draftPrints(after, { reason: '' }));
    expect((Taro.getStorageSync as jest.Mock)(`yx.draft.${FORM_ID}`).fields).toEqual(sent.fields);

    fireEvent.click(screen.getByText('知道了'));
    expect(screen.queryByTestId('draft-changed')).not.toBeInTheDocument();
  });

  it('drops every upload of a draft kept before fingerprints, saying so, on the phone as on the server', async () => {
    Taro.setStorageSync(`yx.draft.${FORM_ID}`, {
      answers,
      deferred: [],
      step: 0,
      signer: '',
      idemKey: 'kold',
      savedAt: '2026-11-21T06:00:00Z',
      names: { f_idcard0001: '身份证.jpg' },
    });
    serve(payload(before, { answers: {}, deferred: [], step: 0, savedAt: '2026-11-20T06:00:00Z' }));
    render(<ApplyForm />);
    expect(await screen.findByTestId('draft-changed')).toHaveTextContent('办事指南更新了所需材料，请重新上传：居民身份证、居民户口簿');
    expect(screen.getByLabelText('换领原因')).toHaveValue('有效期满');
  });

  it('says nothing when the form is the one the draft was saved on', async () => {
    serve(payload(after, { answers, deferred: [], step: 0, savedAt: '2026-11-20T06:00:00Z', fields: draftPrints(after, answers) }));
    render(<ApplyForm />);
    expect(await screen.findByLabelText('换领原因')).toHaveValue('有效期满');
    expect(screen.queryByTestId('draft-changed')).not.toBeInTheDocument();
  });
});
