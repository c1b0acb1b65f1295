import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Rectification } from '../../../api/staff';
import { saveSession } from '../../../api/session';
import Rectifications from './index';

const request = Taro.request as unknown as jest.Mock;
const posts = () => request.mock.calls.map((c) => c[0]).filter((o) => o.method === 'POST');
let item: Rectification;

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.showModal as jest.Mock).mockClear();
  item = {
    appNo: 'YX20261126000123',
    itemName: '食品经营许可',
    rating: 'very_unsatisfied',
    comment: '窗口排队太久',
    due: '2026-12-05',
    light: 'green',
    status: 'open',
  };
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'staff', nickname: '李窗口', level: 1, verified: true, departmentId: 'amr' },
  });
  request.mockImplementation(async ({ url, method, data }: { url: string; method: string; data?: string }) => {
    if (method === 'GET' && url === '/v1/staff/rectifications') return { statusCode: 200, data: { items: [item] } };
    if (method === 'POST' && url === '/v1/staff/rectifications/YX20261126000123') {
      const b = JSON.parse(data!);
      if (b.callback) item = { ...item, callback: { at: '2026-11-28T02:00:00Z', note: b.callback } };
      if (b.close) item = { ...item, status: 'closed', closingNote: b.close, light: null };
      return { statusCode: 200, data: { ok: true } };
    }
    throw new Error(`unexpected ${method} ${url}`);
  });
});

describe('差评整改', () => {
  it('records a call-back, then closes with a note after a confirmation', async () => {
    render(<Rectifications />);
    expect(await screen.findByText('食品经营许可')).toBeInTheDocument();
    expect(screen.getByText('非常不满意')).toHaveClass('tag-red');
    expect(screen.getByText('“窗口排队太久”')).toBeInTheDocument();
    expect(screen.getByTestId('rectification-status')).toHaveTextContent('整改中');
    expect(screen.getByTestId('traffic-light')).toHaveAttribute('data-light', 'green');

    fireEvent.click(screen.getByText('记录回访 ›'));
    fireEvent.click(screen.getByText('保存回访'));
    expect(screen.getByText('请填写回访情况（至少 2 个字）')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('回访记录'), { target: { value: '电话回访，申请人接受解释' } });
    fireEvent.click(screen.getByText('保存回访'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(JSON.parse(posts()[0].data)).toEqual({ callback: '电话回访，申请人接受解释' });
    expect(await screen.findByTestId('callback')).toHaveTextContent('电话回访，申请人接受解释');

    fireEvent.click(screen.getByText('办结整改 ›'));
    fireEvent.change(screen.getByLabelText('整改说明'), { target: { value: '增开午间窗口' } });
    fireEvent.click(screen.getByText('办结整改'));
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '办结整改', content: expect.stringContaining('整改说明将发给评价人') }));
    expect(JSON.parse(posts()[1].data)).toEqual({ close: '增开午间窗口' });
    await waitFor(() => expect(screen.getByTestId('rectification-status')).toHaveTextContent('已办结'));
    expect(screen.getByTestId('closing-note')).toHaveTextContent('整改说明：增开午间窗口');
    expect(screen.queryByTestId('rectification-form')).not.toBeInTheDocument();
  });

  it('flags an overdue rectification, and one escalated by the daily job', async () => {
    item = { ...item, due: '2026-11-20', light: 'red', overdue: true, escalatedAt: '2026-11-20T16:55:00Z' };
    render(<Rectifications />);
    const flags = await screen.findByTestId('rectification-overdue');
    expect(flags).toHaveTextContent('已逾期');
    expect(flags).toHaveTextContent('已报区级督办');
  });
});
