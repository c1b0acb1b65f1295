import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import { calls, detail, fail, ok, queryOf, resetTaro, serve, summary } from '../../openness/testing';
import PublishList from './index';
import PublishEditor from './edit/index';

beforeEach(resetTaro);

function officer() {
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: {
      id: 'u-staff-education',
      role: 'staff',
      nickname: '区教育局 信息公开 陈老师',
      level: 1,
      verified: false,
      departmentId: 'education',
      departmentName: '广州市越秀区教育局',
    },
  });
}
const bodyOf = (method: string, path: string) => JSON.parse(calls(method, path).at(-1)!.data!);
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('政务公开发布: the department’s list', () => {
  it('lists 已发布 and 已撤回 (with why), and opens the editor', async () => {
    officer();
    serve({
      'GET /v1/staff/publications': (c) =>
        ok({
          items:
            queryOf(c).status === 'withdrawn'
              ? [summary({ id: 'pb_gone00000001', status: 'withdrawn', withdrawnReason: '派位结果有误', version: 2 })]
              : [summary()],
          nextCursor: null,
        }),
    });
    render(<PublishList />);
    const row = await screen.findByTestId('pp-item-pb_seedCatchment26');
    expect(row).toHaveTextContent('划片招生已发布');
    fireEvent.click(within(row).getByTestId('pp-edit-pb_seedCatchment26'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/publish/edit/index?id=pb_seedCatchment26' });
    fireEvent.click(screen.getByRole('tab', { name: '已撤回' }));
    expect(await screen.findByTestId('pp-item-pb_gone00000001')).toHaveTextContent('撤回原因：派位结果有误');
    fireEvent.click(screen.getByTestId('pp-new'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/publish/edit/index' });
  });

  it('is for department staff only', () => {
    saveSession({
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', role: 'resident', nickname: '张', level: 2, verified: true },
    });
    render(<PublishList />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('政务公开发布仅供');
    expect(calls()).toHaveLength(0);
  });
});

describe('政务公开发布: the editor', () => {
  it('checks the form before sending, then publishes once confirmed, with a key made when the form opened', async () => {
    officer();
    serve({ 'POST /v1/staff/publications': () => ok(detail(), 201) });
    render(<PublishEditor />);
    fireEvent.click(screen.getByTestId('pe-save'));
    expect(await screen.findByTestId('pe-save-error')).toHaveTextContent('请按提示修改后再提交');
    expect(screen.getByTestId('pe-fields')).toHaveTextContent('请选择栏目');
    expect(calls('POST')).toHaveLength(0);

    fireEvent.click(screen.getByRole('radio', { name: '通知公告' }));
    type('标题', '关于北京街部分路段临时停水的通知');
    type('正文', '因北京路供水管网改造施工，12月3日9:00至18:00临时停水。');
    type('发布日期（不填为今天）', '2026-11-24');
    fireEvent.click(screen.getByTestId('pe-save'));
    await waitFor(() => expect(calls('POST', '/v1/staff/publications')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布这条信息', confirmText: '发布' }));
    expect(bodyOf('POST', '/v1/staff/publications')).toEqual({
      category: 'notice',
      title: '关于北京街部分路段临时停水的通知',
      content: '因北京路供水管网改造施工，12月3日9:00至18:00临时停水。',
      publishedOn: '2026-11-24',
      attachments: [],
    });
    const key = calls('POST', '/v1/staff/publications')[0].header['Idempotency-Key'];
    expect(key).toMatch(/^pub/);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/publish/index' }));
  });

  it('links an interpretation to a published policy document picked from the list', async () => {
    officer();
    serve({
      'GET /v1/publications': () =>
        ok({
          items: [summary({ id: 'pb_seedBldgPolicy', category: 'policy', categoryName: '政策文件', title: '越秀区促进楼宇经济高质量发展若干措施' })],
          nextCursor: null,
        }),
      'POST /v1/staff/publications': () => ok(detail(), 201),
    });
    render(<PublishEditor />);
    fireEvent.click(screen.getByRole('radio', { name: '政策解读' }));
    type('标题', '楼宇经济若干措施政策解读');
    type('正文', '简单说：老楼改造投资1000万元以上的按5%奖励。');
    fireEvent.click(screen.getByTestId('pe-save'));
    expect(await screen.findByTestId('pe-policy')).toHaveTextContent('请选择这篇解读所解读的政策文件');
    fireEvent.click(await screen.findByRole('radio', { name: '选择 越秀区促进楼宇经济高质量发展若干措施' }));
    expect(screen.getByTestId('pe-policy-chosen')).toHaveTextContent('越秀区促进楼宇经济高质量发展若干措施');
    fireEvent.click(screen.getByTestId('pe-save'));
    await waitFor(() => expect(calls('POST', '/v1/staff/publications')).toHaveLength(1));
    expect(bodyOf('POST', '/v1/staff/publications')).toMatchObject({ category: 'interpretation', interpretsId: 'pb_seedBldgPolicy' });
  });

  it('edits over the version loaded (a 409 keeps what was typed), withdraws with a reason after a confirmation, and shows the history', async () => {
    officer();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'pb_seedBldgPolicy' } });
    serve({
      'GET /v1/publications/pb_seedBldgPolicy': () => ok(detail({ version: 2 })),
      'GET /v1/staff/publications/pb_seedBldgPolicy/versions': () =>
        ok({ items: [{ version: 2, status: 'published', title: 't', savedAt: '2026-03-20T02:00:00.000Z', savedBy: '陈*', note: '更正条款' }] }),
      'PUT /v1/staff/publications/pb_seedBldgPolicy': () => fail(409, '该信息已被他人修改（当前第 3 版），请刷新后再改', 'CONFLICT'),
      'POST /v1/staff/publications/pb_seedBldgPolicy/withdraw': () => ok(detail({ status: 'withdrawn', version: 3 })),
    });
    render(<PublishEditor />);
    expect(await screen.findByTestId('pe-category')).toHaveTextContent('政策文件');
    expect(await screen.findByTestId('pe-history')).toHaveTextContent('第 2 版 · 修改 · 陈*');
    expect(screen.getByTestId('pe-history')).toHaveTextContent('2026-03-20 10:00 · 更正条款');
    type('标题', '越秀区促进楼宇经济高质量发展若干措施（修订）');
    fireEvent.click(screen.getByRole('radio', { name: '已废止' }));
    fireEvent.click(screen.getByTestId('pe-save'));
    expect(await screen.findByTestId('pe-save-error')).toHaveTextContent('当前第 3 版');
    expect(bodyOf('PUT', '/v1/staff/publications/pb_seedBldgPolicy')).toMatchObject({
      expectedVersion: 2,
      validity: 'repealed',
      attachments: ['f_attach00001'],
    });
    expect(screen.getByLabelText('标题')).toHaveValue('越秀区促进楼宇经济高质量发展若干措施（修订）');

    fireEvent.click(screen.getByTestId('pe-withdraw-go'));
    expect(await screen.findByTestId('pe-withdraw-error')).toHaveTextContent('请写明撤回原因');
    type('撤回原因', '已被新文件替代');
    (Taro.showModal as unknown as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByTestId('pe-withdraw-go'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByTestId('pe-withdraw-go')).not.toBeDisabled());
    expect(calls('POST', '/v1/staff/publications/pb_seedBldgPolicy/withdraw')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('pe-withdraw-go'));
    await waitFor(() => expect(calls('POST', '/v1/staff/publications/pb_seedBldgPolicy/withdraw')).toHaveLength(1));
    expect(bodyOf('POST', '/v1/staff/publications/pb_seedBldgPolicy/withdraw')).toEqual({ reason: '已被新文件替代', expectedVersion: 2 });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/publish/index' }));
  });
});
