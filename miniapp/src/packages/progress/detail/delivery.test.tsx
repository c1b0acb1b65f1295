import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Detail from './index';
import { application, calls, ok, onApplicationPage, serve as serveAt } from './testKit';

const APP = 'YX20261126000300';
const HALL = '越秀区政务服务中心（广州市越秀区东风中路318号）综合受理窗口';
const serve = serveAt.bind(null, APP);
const puts = () => calls('PUT', `/v1/applications/${APP}/delivery`);

const base = application(APP, {
  itemId: 'elevator-installation',
  itemName: '既有住宅加装电梯',
  departmentName: '规划和自然资源局越秀区分局',
  nextAction: { kind: 'wait', text: '部门正在办理' },
  delivery: { method: 'pickup', options: ['electronic', 'post', 'pickup'], chosen: false, hall: HALL, hours: '周一至周五', done: false },
});

beforeEach(() => onApplicationPage(APP));

describe('领取方式 on the application page', () => {
  it('shows the default way with the hall, and switches to post once the address is right', async () => {
    let current = base;
    const address = { recipient: '张晓明', phone: '13800138000', address: '广州市越秀区西湖路 12 号 301' };
    serve(() => current, {
      [`PUT /v1/applications/${APP}/delivery`]: () => {
        current = { ...base, delivery: { method: 'post', options: base.delivery!.options, chosen: true, postTo: address, done: false } };
        return ok(current);
      },
    });
    render(<Detail />);
    expect(await screen.findByTestId('delivery-now')).toHaveTextContent(`窗口领取（默认）${HALL}，周一至周五`);
    fireEvent.click(screen.getByText('选择领取方式'));
    fireEvent.click(screen.getByRole('radio', { name: '邮寄送达' }));
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请填写收件人')).toBeInTheDocument();
    expect(screen.getByText('请填写 11 位手机号码')).toBeInTheDocument();
    expect(puts()).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('收件人'), { target: { value: address.recipient } });
    fireEvent.change(screen.getByLabelText('手机号码'), { target: { value: address.phone } });
    fireEvent.change(screen.getByLabelText('收件地址'), { target: { value: address.address } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(JSON.parse(puts()[0].data)).toEqual({ method: 'post', postTo: address });
    expect(await screen.findByTestId('delivery-now')).toHaveTextContent('邮寄送达张晓明，13800138000，广州市越秀区西湖路 12 号 301');
    expect(screen.getByText('更改领取方式')).toBeInTheDocument();
  });

  it('shows the tracking number once sent, to copy, and no change any more', async () => {
    serve(() => ({
      ...base,
      state: 'delivered',
      stateName: '已送达',
      delivery: { method: 'post', options: ['post', 'pickup'], chosen: true, trackingNo: 'EMS1234567890', done: true },
    }));
    render(<Detail />);
    expect(await screen.findByTestId('tracking')).toHaveTextContent('已寄出 · 邮件单号 EMS1234567890');
    fireEvent.click(screen.getByLabelText('复制邮件单号'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'EMS1234567890' });
    expect(screen.queryByText('更改领取方式')).not.toBeInTheDocument();
  });

  it('says when a special procedure stops the clock, by law', async () => {
    serve(() => ({ ...base, state: 'in_review', stateName: '审查中', pausedFor: { name: '专家评审', since: '2026-11-03' } }));
    render(<Detail />);
    expect(await screen.findByTestId('paused-for')).toHaveTextContent('专家评审中（2026年11月3日起），依法不计入办理时限，期限顺延');
  });

  it('offers a slot at the hall to collect a result that is ready, linked to the application (issue 18)', async () => {
    const hall = (items: string[]) => () =>
      ok({ id: 'district-hall', areas: [{ prefix: 'A', name: '综合受理区', items: items.map((id) => ({ id, name: id })) }] });
    serve(() => ({ ...base, delivery: { ...base.delivery!, pickupCode: '384912' } }), {
      'GET /v1/service-points/district-hall': hall(['elevator-installation']),
    });
    render(<Detail />);
    fireEvent.click(await screen.findByText('预约到大厅领取'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/appointment/book/index?pointId=district-hall&itemId=elevator-installation&applicationId=${APP}&purpose=collect`,
    });
  });

  it('does not offer it before the result is ready, nor when the hall does not handle the item', async () => {
    const other = () => ok({ id: 'district-hall', areas: [{ prefix: 'A', name: '综合受理区', items: [{ id: 'id-card', name: '身份证' }] }] });
    serve(() => base, { 'GET /v1/service-points/district-hall': other });
    const { unmount } = render(<Detail />);
    await screen.findByTestId('delivery-now');
    expect(screen.queryByText('预约到大厅领取')).toBeNull();
    unmount();
    serve(() => ({ ...base, delivery: { ...base.delivery!, pickupCode: '384912' } }), { 'GET /v1/service-points/district-hall': other });
    render(<Detail />);
    await screen.findByTestId('delivery-now');
    await waitFor(() => expect(calls('GET', '/v1/service-points/district-hall').length).toBeGreaterThan(0));
    expect(screen.queryByText('预约到大厅领取')).toBeNull();
  });
});
