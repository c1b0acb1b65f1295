import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Lookup from './index';

const request = Taro.request as unknown as jest.Mock;
const useRouter = Taro.useRouter as unknown as jest.Mock;

const found = {
  appNo: 'YX20261126000123',
  itemName: '食品经营许可',
  departmentName: '区市场监管局',
  state: 'in_review',
  stateName: '审查中',
  submittedAt: '2026-11-26T06:05:00Z',
  light: 'yellow',
  remainingDays: 1,
  deadline: '2026-12-03',
  applicant: '张*明',
  timeline: [
    { at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' },
    { at: '2026-11-27T01:00:00Z', actor: '区市场监管局', action: '受理' },
  ],
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  useRouter.mockReturnValue({ params: {} });
});

const fill = (appNo: string, code: string) => {
  fireEvent.change(screen.getByLabelText('办件编号'), { target: { value: appNo } });
  fireEvent.change(screen.getByLabelText('查询码 / 手机号后 4 位'), { target: { value: code } });
  fireEvent.click(screen.getByText('查询'));
};

describe('进度查询', () => {
  it('explains a malformed number and code under each field and sends nothing', async () => {
    render(<Lookup />);
    fill('YX2026', '12');
    expect(await screen.findByText('应为 YX 开头的 16 位办件编号')).toBeInTheDocument();
    expect(screen.getByText('请输入 6 位查询码或手机号后 4 位')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it('upper-cases the number and shows the server message for a wrong pair', async () => {
    request.mockResolvedValue({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '办件编号或查询码不正确，请核对后再试' } } });
    render(<Lookup />);
    fill('yx20261126000123', '123456');
    expect(await screen.findByRole('alert')).toHaveTextContent('办件编号或查询码不正确，请核对后再试');
    const sent = request.mock.calls[0][0];
    expect(sent.url).toBe('/v1/lookup');
    expect(JSON.parse(sent.data)).toEqual({ appNo: 'YX20261126000123', code: '123456' });
  });

  it('shows the server message when there were too many tries', async () => {
    request.mockResolvedValue({ statusCode: 429, data: { error: { code: 'RATE_LIMITED', message: '查询失败次数过多，请 10 分钟后再试' } } });
    render(<Lookup />);
    fill('YX20261126000123', '8000');
    expect(await screen.findByText('查询失败次数过多，请 10 分钟后再试')).toBeInTheDocument();
  });

  it('prefills the number from the page address and shows the progress', async () => {
    useRouter.mockReturnValue({ params: { appNo: 'yx20261126000123' } });
    request.mockResolvedValue({ statusCode: 200, data: found });
    render(<Lookup />);
    expect((screen.getByLabelText('办件编号') as HTMLInputElement).value).toBe('YX20261126000123');
    fireEvent.change(screen.getByLabelText('查询码 / 手机号后 4 位'), { target: { value: '8000' } });
    fireEvent.click(screen.getByText('查询'));
    await waitFor(() => expect(screen.getByTestId('lookup-result')).toBeInTheDocument());
    expect(screen.getByText('食品经营许可')).toBeInTheDocument();
    expect(screen.getByText('张*明')).toBeInTheDocument();
    expect(screen.getByText('审查中')).toBeInTheDocument();
    expect(screen.getByText('2026年12月3日前')).toBeInTheDocument();
    expect(screen.getByTestId('plain-progress')).toHaveTextContent('预计 12 月 3 日前办结');
    expect(screen.queryByTestId('traffic-light')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('timeline-entry')[0]).toHaveTextContent('受理');
  });
});
