import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, fail, login, offer, ok, resetTaro, serve } from '../testing';
import Offers from './index';

beforeEach(resetTaro);

const showModal = Taro.showModal as unknown as jest.Mock;
const NO_SCOPE = '您未获授权办理政策兑现（确认领取、指定收款账户），请由法定代表人确认或调整授权';
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('免申即享', () => {
  it('is for firms: a visitor is asked to log in and a resident told it is for firms, without asking the server', () => {
    const r = render(<Offers />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('请先用企业账号');
    r.unmount();
    login('resident');
    render(<Offers />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('免申即享仅供企业使用');
    expect(calls()).toHaveLength(0);
  });

  it('shows an offer with its amount, the facts compared and the date to confirm by; asks in a dialog before sending the account', async () => {
    login('enterprise');
    let status: 'offered' | 'confirmed' = 'offered';
    serve({
      'GET /v1/firm/offers': () =>
        ok({
          items: [
            offer({ status, ...(status === 'confirmed' ? { confirmedAt: '2026-11-30T02:00:00.000Z', account: '中国工商银行广州越秀支行 尾号 5678' } : {}) }),
          ],
        }),
      'POST /v1/firm/offers/tech-2026-1/confirm': () => {
        status = 'confirmed';
        return ok(offer({ status }));
      },
    });
    render(<Offers />);
    const card = await screen.findByTestId('offer-tech-2026-1');
    expect(card).toHaveTextContent('20 万元');
    expect(card).toHaveTextContent('请于 2026年12月31日 前确认');
    expect(
      within(card)
        .getAllByTestId('condition-mark')
        .map((m) => m.textContent),
    ).toEqual(['满足', '满足']);
    expect(within(card).queryByText('去企业画像补充')).toBeNull();

    // nothing typed: said under each field, nothing sent, no dialog
    fireEvent.click(screen.getByTestId('confirm'));
    expect(await screen.findByText('开户银行至少 4 个字')).toBeInTheDocument();
    expect(screen.getByText('银行账号应为 8–30 位数字')).toBeInTheDocument();
    expect(screen.getByText('请阅读并勾选确认事项')).toBeInTheDocument();
    expect(showModal).not.toHaveBeenCalled();

    type('开户银行', '中国工商银行广州越秀支行');
    type('银行账号', '3602 0000 1234 5678');
    fireEvent.click(screen.getByRole('checkbox', { name: '本企业确认以上信息属实，自愿申请享受该政策' }));
    expect(screen.getByTestId('agree')).toHaveAttribute('aria-checked', 'true');

    // the dialog comes first; cancelled, nothing is sent
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByTestId('confirm'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '确认领取' });
    expect(showModal.mock.calls[0][0].content).toContain('20 万元，拨付至中国工商银行广州越秀支行尾号 5678 的账户');
    expect(calls('POST')).toHaveLength(0);

    // while the dialog is open nothing is sent; confirmed, the account goes without its spaces
    let answer!: (r: { confirm: boolean }) => void;
    showModal.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    fireEvent.click(screen.getByTestId('confirm'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(2));
    expect(calls('POST')).toHaveLength(0);
    await act(async () => answer({ confirm: true }));
    await waitFor(() => expect(calls('POST', '/v1/firm/offers/tech-2026-1/confirm')).toHaveLength(1));
    expect(JSON.parse(calls('POST')[0].data!)).toEqual({ account: { bank: '中国工商银行广州越秀支行', accountNo: '3602000012345678' }, agree: true });

    // reloaded: now on its way, as the three steps
    const progress = await screen.findByTestId('offer-progress');
    expect(within(progress).getAllByTestId('step-done')).toHaveLength(2);
    expect(progress).toHaveTextContent('已确认领取，等待主管部门审核');
    expect(progress).toHaveTextContent('收款账户：中国工商银行广州越秀支行 尾号 5678');
    expect(screen.queryByTestId('confirm-form')).toBeNull();
  });

  it('shows an agent without 政策兑现 the server’s refusal plainly and keeps what was typed', async () => {
    login('enterprise', 'agent');
    serve({
      'GET /v1/firm/offers': () => ok({ items: [offer()] }),
      'POST /v1/firm/offers/tech-2026-1/confirm': () => fail(403, NO_SCOPE),
    });
    render(<Offers />);
    await screen.findByTestId('confirm-form');
    expect(screen.getByText(/经办人确认领取，需法定代表人在授权中开通“政策兑现”/)).toBeInTheDocument();
    type('开户银行', '招商银行广州环市东支行');
    type('银行账号', '120912345678');
    fireEvent.click(screen.getByTestId('agree'));
    fireEvent.click(screen.getByTestId('confirm'));
    expect(await screen.findByTestId('confirm-error')).toHaveTextContent(NO_SCOPE);
    expect(screen.getByLabelText('开户银行')).toHaveValue('招商银行广州环市东支行');
    expect(screen.getByLabelText('银行账号')).toHaveValue('120912345678');
    expect(screen.getByTestId('agree')).toHaveAttribute('aria-checked', 'true');
    expect(calls('GET', '/v1/firm/offers')).toHaveLength(1); // not reloaded: the form stays as it was
  });

  it('reloads the list when the offer was handled meanwhile (409), saying so', async () => {
    login('enterprise');
    let status: 'offered' | 'lapsed' = 'offered';
    serve({
      'GET /v1/firm/offers': () => ok({ items: [offer({ status })] }),
      'POST /v1/firm/offers/tech-2026-1/confirm': () => {
        status = 'lapsed';
        return fail(409, '该政策兑现已过期，不能再确认', 'CONFLICT');
      },
    });
    render(<Offers />);
    await screen.findByTestId('confirm-form');
    type('开户银行', '中国工商银行广州越秀支行');
    type('银行账号', '360200001234');
    fireEvent.click(screen.getByTestId('agree'));
    fireEvent.click(screen.getByTestId('confirm'));
    await waitFor(() => expect(calls('GET', '/v1/firm/offers')).toHaveLength(2));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '该政策兑现已过期，不能再确认', icon: 'none' });
    expect(await screen.findByTestId('offer-tech-2026-1')).toHaveTextContent('已过期');
    expect(screen.queryByTestId('confirm-form')).toBeNull();
  });

  it('shows confirmed, approved and paid offers as three steps, the paid one with its reference and day; ended ones apart', async () => {
    login('enterprise');
    serve({
      'GET /v1/firm/offers': () =>
        ok({
          items: [
            offer({
              itemId: 'a-1',
              itemTitle: '稳岗补贴',
              status: 'approved',
              confirmedAt: '2026-11-21T02:00:00.000Z',
              approvedAt: '2026-11-25T02:00:00.000Z',
            }),
            offer({
              itemId: 'b-1',
              itemTitle: '高新技术企业认定奖励',
              status: 'paid',
              confirmedAt: '2026-11-21T02:00:00.000Z',
              approvedAt: '2026-11-25T02:00:00.000Z',
              paidAt: '2026-11-28',
              paymentRef: 'GK2026112800017',
            }),
            offer({ itemId: 'c-1', itemTitle: '首次上规奖励', status: 'rejected', rejectedReason: '上年度营业收入核实不足 2,000 万元' }),
          ],
        }),
    });
    render(<Offers />);
    const approved = await screen.findByTestId('offer-a-1');
    expect(within(approved).getAllByTestId('step-done')).toHaveLength(2);
    expect(approved).toHaveTextContent('审核通过，等待拨付到账');
    expect(within(approved).queryByTestId('payment')).toBeNull();
    const paid = screen.getByTestId('offer-b-1');
    expect(within(paid).getAllByTestId('step-done')).toHaveLength(3);
    expect(within(paid).getByTestId('payment')).toHaveTextContent('拨付凭证号：GK2026112800017');
    expect(within(paid).getByTestId('payment')).toHaveTextContent('到账日期：2026年11月28日');
    expect(screen.getByTestId('offer-c-1')).toHaveTextContent('原因：上年度营业收入核实不足 2,000 万元');
    expect(screen.queryByTestId('confirm-form')).toBeNull();
  });

  it('gives up an offer only after confirmation', async () => {
    login('enterprise');
    serve({
      'GET /v1/firm/offers': () => ok({ items: [offer()] }),
      'POST /v1/firm/offers/tech-2026-1/decline': () => ok(offer({ status: 'declined' })),
    });
    render(<Offers />);
    await screen.findByTestId('confirm-form');
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByRole('button', { name: '放弃领取：高新技术企业认定奖励' }));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '放弃领取' });
    expect(calls('POST')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '放弃领取：高新技术企业认定奖励' }));
    await waitFor(() => expect(calls('POST', '/v1/firm/offers/tech-2026-1/decline')).toHaveLength(1));
  });

  it('points to the market when there is nothing to confirm', async () => {
    login('enterprise');
    serve({ 'GET /v1/firm/offers': () => ok({ items: [] }) });
    render(<Offers />);
    expect(await screen.findByTestId('empty')).toHaveTextContent('暂时没有免申即享的政策资金');
    fireEvent.click(screen.getByText('去政策超市看看'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/policy/index' });
  });
});
