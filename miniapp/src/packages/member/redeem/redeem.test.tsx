import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, claimView, fail, login, ok, request, resetTaro, serve } from '../testing';
import Redeem from './index';

const showModal = Taro.showModal as unknown as jest.Mock;
const scanCode = jest.fn();
(Taro as unknown as { scanCode: jest.Mock }).scanCode = scanCode;

const CODE = 'ABCD-EFGH-JK';
const partnerView = (over: Record<string, unknown> = {}) => ({ ...claimView(), memberNo: 'YX******0018', ...over });
const input = () => document.querySelector('.mb-redeem-input') as HTMLInputElement;
const type = (v: string) => fireEvent.change(input(), { target: { value: v } });
const posts = () => calls().filter((c) => c.method === 'POST');

beforeEach(() => {
  resetTaro();
  scanCode.mockReset();
});

describe('兑换码核销', () => {
  it('is for partner staff only', () => {
    const r = render(<Redeem />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('请先用工作人员账号登录，再使用兑换码核销');
    r.unmount();
    login('resident');
    render(<Redeem />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('兑换码核销仅供合作商户使用');
    expect(request).not.toHaveBeenCalled();
  });

  it('checks the code before asking, forgives case and dashes, and redeems after confirmation', async () => {
    login('partner');
    let redeemed = false;
    serve({
      [`GET /v1/partner/claims/${CODE}`]: () => ok(partnerView()),
      [`POST /v1/partner/claims/${CODE}/redeem`]: () => {
        redeemed = true;
        return ok(partnerView({ status: 'redeemed', statusName: '已核销', redeemedAt: '2026-11-19T03:15:00.000Z' }));
      },
    });
    render(<Redeem />);
    fireEvent.click(screen.getByText('查询'));
    expect(await screen.findByRole('alert')).toHaveTextContent('请输入兑换码');
    type('abc-1');
    fireEvent.click(screen.getByText('查询'));
    expect(await screen.findByRole('alert')).toHaveTextContent('兑换码应为 10 位字母和数字，请核对后再输入');
    expect(request).not.toHaveBeenCalled();

    type(' abcd efgh-jk ');
    fireEvent.click(screen.getByText('查询'));
    const claim = await screen.findByTestId('redeem-claim');
    expect(calls()[0].url).toBe(`/v1/partner/claims/${CODE}`);
    expect(input().value).toBe(CODE);
    expect(claim).toHaveTextContent('广东省博物馆门票');
    expect(screen.getByTestId('member-no')).toHaveTextContent('YX******0018');
    expect(screen.getByTestId('claim-status')).toHaveTextContent('待使用');
    expect(claim).toHaveTextContent('有效期至2026年11月24日');

    // declined: nothing is sent
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(document.querySelector('.mb-redeem-confirm')!);
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(posts()).toHaveLength(0);

    fireEvent.click(document.querySelector('.mb-redeem-confirm')!);
    expect(await screen.findByRole('status')).toHaveTextContent('核销成功：广东省博物馆门票');
    expect(showModal.mock.calls[1][0].content).toContain(CODE);
    expect(redeemed).toBe(true);
    expect(posts()).toHaveLength(1);
    expect(screen.getByTestId('claim-status')).toHaveTextContent('已核销');
    expect(screen.getByTestId('redeem-claim')).toHaveTextContent('核销时间11月19日 11:15');
    expect(document.querySelector('.mb-redeem-confirm')).toBeNull();

    fireEvent.click(screen.getByText('核销下一个'));
    expect(input().value).toBe('');
    expect(screen.queryByTestId('redeem-claim')).not.toBeInTheDocument();
  });

  it('shows the server’s Chinese message for an unknown code and for one used at another counter', async () => {
    login('partner');
    let used = false;
    serve({
      'GET /v1/partner/claims/ZZZZ-ZZZZ-ZZ': () => fail(404, '没有这个兑换码，请核对后再输入', 'NOT_FOUND'),
      [`GET /v1/partner/claims/${CODE}`]: () =>
        ok(used ? partnerView({ status: 'redeemed', statusName: '已核销', redeemedAt: '2026-11-19T03:15:00.000Z' }) : partnerView()),
      [`POST /v1/partner/claims/${CODE}/redeem`]: () => {
        used = true;
        return fail(409, '该兑换码已于 2026-11-19 11:15 核销，不能重复使用');
      },
    });
    render(<Redeem />);
    type('zzzzzzzzzz');
    fireEvent.click(screen.getByText('查询'));
    expect(await screen.findByRole('alert')).toHaveTextContent('没有这个兑换码，请核对后再输入');
    expect(screen.queryByTestId('redeem-claim')).not.toBeInTheDocument();

    type(CODE);
    fireEvent.click(screen.getByText('查询'));
    await screen.findByTestId('redeem-claim');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.click(document.querySelector('.mb-redeem-confirm')!);
    expect(await screen.findByRole('alert')).toHaveTextContent('该兑换码已于 2026-11-19 11:15 核销，不能重复使用');
    await waitFor(() => expect(screen.getByTestId('claim-status')).toHaveTextContent('已核销'));
    expect(screen.getByTestId('redeem-claim')).toHaveTextContent('该兑换码已核销，不能重复使用');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('scans a code in WeChat and looks it up; a cancelled scan does nothing', async () => {
    login('partner');
    serve({ [`GET /v1/partner/claims/${CODE}`]: () => ok(partnerView()) });
    render(<Redeem />);
    scanCode.mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' });
    fireEvent.click(screen.getByText('扫码'));
    await waitFor(() => expect(scanCode).toHaveBeenCalledTimes(1));
    expect(request).not.toHaveBeenCalled();

    scanCode.mockResolvedValueOnce({ result: CODE, errMsg: 'scanCode:ok' });
    fireEvent.click(screen.getByText('扫码'));
    expect(await screen.findByTestId('redeem-claim')).toHaveTextContent('广东省博物馆门票');
    expect(scanCode).toHaveBeenLastCalledWith({ onlyFromCamera: false, scanType: ['qrCode'] });
    expect(input().value).toBe(CODE);
  });
});
