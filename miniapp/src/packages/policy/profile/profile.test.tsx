import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, fail, login, ok, profile, resetTaro, serve, type Call } from '../testing';
import FirmProfile from './index';

// jsdom has no canvas: H5's photo compressor is replaced (a small photo is not compressed anyway)
jest.mock('../../../api/canvasImage', () => ({ shrinkToJpeg: jest.fn() }));

beforeEach(resetTaro);

const uploads = {
  'POST /v1/files': () => ok({ fileId: 'f_tax0000001', upload: { url: 'http://uploads.local/upload', fields: { key: 'k' } }, expiresInSeconds: 600 }, 201),
  'POST /v1/files/f_tax0000001/complete': () => ok({ fileId: 'f_tax0000001', status: 'ready', size: 1024 }),
};
const badge = (key: string) => within(screen.getByTestId(`fact-${key}`)).getByText(/^(区数据|企业自报·待核验|缺失)$/).textContent;

describe('企业画像', () => {
  it('shows each fact with its value and where it comes from, and offers to add only what a firm may declare', async () => {
    login('enterprise');
    serve({ 'GET /v1/firm/profile': () => ok(profile()) });
    render(<FirmProfile />);
    expect(await screen.findByTestId('missing-count')).toHaveTextContent('有 2 项信息缺失');
    expect(badge('registeredOn')).toBe('区数据');
    expect(badge('revenue')).toBe('企业自报·待核验');
    expect(badge('taxPaid')).toBe('缺失');
    expect(screen.getByTestId('fact-taxPaid')).toHaveTextContent('区里暂无记录');
    expect(screen.getByTestId('fact-headcount')).toHaveTextContent('36 人');
    expect(within(screen.getByTestId('fact-industry')).queryByRole('button')).toBeNull();
    expect(within(screen.getByTestId('fact-headcount')).queryByRole('button')).toBeNull();
    expect(within(screen.getByTestId('fact-revenue')).getByText('重新提交')).toBeInTheDocument();
    expect(within(screen.getByTestId('fact-taxPaid')).getByText('补充上年度纳税额')).toBeInTheDocument();
    expect(screen.queryByTestId('declare-taxPaid')).toBeNull();
  });

  it('opens on the fact the policy page asked for; asks for the value and the proof, uploads it and declares it', async () => {
    login('enterprise');
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { fact: 'taxPaid' } });
    const declared = profile({
      facts: profile().facts.map((f) =>
        f.key === 'taxPaid'
          ? { ...f, value: '86.5 万元', source: 'declared' as const, evidenceFileId: 'f_tax0000001', declaredAt: '2026-11-30T02:00:00.000Z' }
          : f,
      ),
    });
    serve({ 'GET /v1/firm/profile': () => ok(profile()), ...uploads, 'PUT /v1/firm/profile/facts': () => ok(declared) });
    render(<FirmProfile />);
    const form = await screen.findByTestId('declare-taxPaid');
    fireEvent.click(within(form).getByTestId('declare-submit'));
    expect(await within(form).findByText('请填写数值')).toBeInTheDocument();
    expect(within(form).getByText('请上传上年度完税证明')).toBeInTheDocument();
    expect(calls('PUT')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('上年度纳税额'), { target: { value: '86.5' } });
    fireEvent.click(within(form).getByRole('button', { name: '上传上年度完税证明：拍照/上传照片' }));
    await waitFor(() => expect(within(form).getAllByTestId('material-page')).toHaveLength(1));
    fireEvent.click(within(form).getByTestId('declare-submit'));
    await waitFor(() => expect(calls('PUT', '/v1/firm/profile/facts')).toHaveLength(1));
    expect(JSON.parse(calls('PUT')[0].data!)).toEqual({ fact: 'taxPaid', value: 86.5, fileId: 'f_tax0000001' });
    await waitFor(() => expect(screen.queryByTestId('declare-taxPaid')).toBeNull());
    expect(badge('taxPaid')).toBe('企业自报·待核验');
    expect(screen.getByTestId('fact-taxPaid')).toHaveTextContent('86.5 万元');
    expect(screen.getByTestId('missing-count')).toHaveTextContent('有 1 项信息缺失');
  });

  it('declares qualifications chosen from the list, in the list’s order; the server’s refusal keeps the form', async () => {
    login('enterprise');
    let answer: (c: Call) => unknown = () => fail(400, '证明材料未通过检查，请重新上传', 'VALIDATION');
    serve({ 'GET /v1/firm/profile': () => ok(profile()), ...uploads, 'PUT /v1/firm/profile/facts': (c) => answer(c) });
    render(<FirmProfile />);
    fireEvent.click(await screen.findByText('补充企业资质'));
    const form = screen.getByTestId('declare-qualifications');
    fireEvent.click(within(form).getByRole('checkbox', { name: '专精特新中小企业' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: '高新技术企业' }));
    fireEvent.click(within(form).getByRole('button', { name: '上传资质认定证书：拍照/上传照片' }));
    await waitFor(() => expect(within(form).getAllByTestId('material-page')).toHaveLength(1));
    fireEvent.click(within(form).getByTestId('declare-submit'));
    expect(await within(form).findByTestId('declare-error')).toHaveTextContent('证明材料未通过检查，请重新上传');
    expect(JSON.parse(calls('PUT')[0].data!)).toEqual({ fact: 'qualifications', value: ['hnte', 'srdi'], fileId: 'f_tax0000001' });
    expect(within(form).getByRole('checkbox', { name: '高新技术企业' })).toHaveAttribute('aria-checked', 'true');

    answer = () => ok(profile());
    fireEvent.click(within(form).getByTestId('declare-submit'));
    await waitFor(() => expect(screen.queryByTestId('declare-qualifications')).toBeNull());
  });

  it('is for firms only', () => {
    login('staff');
    render(<FirmProfile />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('企业画像仅供企业使用');
    expect(calls()).toHaveLength(0);
  });
});
