import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ApplicationDetail } from '@yx/shared';
import { saveSession } from '../../../api/session';
import Detail from './index';

const request = Taro.request as unknown as jest.Mock;
const APP = 'YX20261126000300';
const HALL = '越秀区政务服务中心（广州市越秀区东风中路318号）综合受理窗口';

const base: ApplicationDetail = {
  appNo: APP,
  itemId: 'elevator-installation',
  itemName: '既有住宅加装电梯',
  departmentName: '规划和自然资源局越秀区分局',
  state: 'accepted',
  stateName: '已受理',
  submittedAt: '2026-11-26T06:05:00Z',
  light: 'green',
  remainingDays: 3,
  deadline: '2026-12-03',
  usedDays: 1,
  promisedDays: 5,
  statutoryDays: 20,
  timeline: [{ at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' }],
  nextAction: { kind: 'wait', text: '部门正在办理' },
  deferred: [],
  materials: [],
  linked: [],
  delivery: { method: 'pickup', options: ['electronic', 'post', 'pickup'], chosen: false, hall: HALL, hours: '周一至周五', done: false },
};

const ok = (data: unknown) => ({ statusCode: 200, data });
const puts = () => request.mock.calls.map((c) => c[0]).filter((o) => o.method === 'PUT' && o.url.startsWith(`/v1/applications/${APP}/delivery`));

function serve(current: () => ApplicationDetail, on: Record<string, () => unknown> = {}) {
  request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    const key = `${method} ${url}`;
    const hit = Object.keys(on).find((k) => key.startsWith(k));
    if (hit) return on[hit]();
    if (method === 'GET' && url === `/v1/applications/${APP}`) return ok(current());
    throw new Error(`unexpected ${key}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo: APP } });
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true },
  });
});

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
});
