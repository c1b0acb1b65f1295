import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { hallApi, type DeskView, type StaffPointList } from '../../../api/appointments';
import { ApiError } from '../../../api/client';
import { signIn } from '../../../../test/session';
import HallDesk from './index';

jest.mock('../../../api/appointments', () => ({
  hallApi: {
    points: jest.fn(),
    checkInCode: jest.fn(),
    signIn: jest.fn(),
    desk: jest.fn(),
    next: jest.fn(),
    recall: jest.fn(),
    served: jest.fn(),
    absent: jest.fn(),
    transfer: jest.fn(),
    signOut: jest.fn(),
  },
}));
// the test stand-in of Taro has no useDidHide: the page never hides here
jest.mock('@tarojs/taro', () => ({ __esModule: true, ...jest.requireActual('@tarojs/taro'), useDidHide: jest.fn() }));

const api = hallApi as unknown as Record<keyof typeof hallApi, jest.Mock>;
const showModal = Taro.showModal as unknown as jest.Mock;

const FIGURES: DeskView['figures'] = {
  mine: { served: 12, absent: 1, avgServiceMinutes: 7.6 },
  point: { taken: 140, served: 98, waiting: 23, avgWaitMinutes: 14 },
};
const AWAY: DeskView = { waiting: [], waitingCount: 0, windows: [], figures: FIGURES };
const desk = (over: Partial<DeskView> = {}): DeskView => ({
  window: { pointId: 'district-hall', pointName: '越秀区政务服务中心', no: 3, prefix: 'A', areaName: '综合受理区', since: '2026-03-02T01:00:00.000Z' },
  waiting: [
    { no: 'A015', booked: true, takenAt: '2026-03-02T01:30:00.000Z' },
    { no: 'A013', booked: false, takenAt: '2026-03-02T01:20:00.000Z' },
  ],
  waitingCount: 2,
  windows: [
    { no: 1, prefix: 'A', open: true },
    { no: 3, prefix: 'A', open: true },
    { no: 5, prefix: 'B', open: false },
  ],
  figures: FIGURES,
  ...over,
});
const CALLED: DeskView['current'] = {
  id: 'tk_abcdefghij12',
  no: 'A012',
  itemName: '社会保障卡申领',
  booked: true,
  status: 'called',
  calledAt: '2026-03-02T02:05:00.000Z',
  recalls: 0,
};
const POINTS: StaffPointList = {
  items: [
    {
      id: 'district-hall',
      name: '越秀区政务服务中心',
      windows: [
        { no: 4, prefix: 'A', areaName: '综合受理区', mine: false, officer: '王小明' },
        { no: 3, prefix: 'A', areaName: '综合受理区', mine: false },
      ],
    },
  ],
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  Object.values(api).forEach((f) => f.mockReset());
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  (Taro.showToast as jest.Mock).mockClear();
  signIn({
    id: 'u-staff-data',
    role: 'staff',
    nickname: '数据局 陈窗口',
    level: 1,
    verified: true,
    departmentId: 'data',
    departmentName: '区政务服务数据管理局',
  });
});
afterEach(() => jest.useRealTimers());

describe('窗口叫号', () => {
  it('is only for window officers', () => {
    signIn({ id: 'u-disp', role: 'dispatcher', nickname: '调度员', level: 1, verified: true });
    render(<HallDesk />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('窗口叫号仅供');
    expect(api.desk).not.toHaveBeenCalled();
  });

  it('at no window lists the windows I may staff, and 到此窗口 opens the desk', async () => {
    api.desk.mockResolvedValue(AWAY);
    api.points.mockResolvedValue(POINTS);
    api.signIn.mockResolvedValue(desk());
    render(<HallDesk />);
    const row = await screen.findByTestId('window-district-hall-3');
    expect(row).toHaveTextContent('3 号窗口');
    expect(row).toHaveTextContent('综合受理区');
    expect(row).not.toHaveTextContent('他人在岗');
    expect(screen.getByTestId('window-district-hall-4')).toHaveTextContent('他人在岗：王小明');

    fireEvent.click(within(row).getByText('到此窗口'));
    await waitFor(() => expect(api.signIn).toHaveBeenCalledWith('district-hall', 3));
    expect(await screen.findByTestId('desk-window')).toHaveTextContent('越秀区政务服务中心 · 3 号窗口 · 综合受理区');
    expect(screen.getByTestId('desk-current')).toHaveTextContent('暂无正在办理的号');
    expect(screen.getByTestId('waiting-count')).toHaveTextContent('共 2 人等候');
    const waiting = within(screen.getByTestId('waiting')).getAllByRole('listitem');
    expect(waiting.map((w) => w.textContent)).toEqual(['A015预约', 'A013']);
    expect(screen.getByTestId('fig-mine-served')).toHaveTextContent('12人办结');
    expect(screen.getByTestId('fig-mine-avg')).toHaveTextContent('8分钟平均办理');
    expect(screen.getByTestId('fig-point-waiting')).toHaveTextContent('23人等候');
    expect(screen.getByTestId('desk-next')).not.toBeDisabled();
  });

  it('a window another officer is at cannot be chosen', async () => {
    api.desk.mockResolvedValue(AWAY);
    api.points.mockResolvedValue(POINTS);
    render(<HallDesk />);
    const row = await screen.findByTestId('window-district-hall-4');
    expect(within(row).getByText('到此窗口')).toBeDisabled();
    expect(within(screen.getByTestId('window-district-hall-3')).getByText('到此窗口')).not.toBeDisabled();
  });

  it('calls the next number; 叫下一位 stays disabled until the number is 办结 or 过号', async () => {
    api.desk.mockResolvedValue(desk());
    api.next.mockResolvedValue(desk({ current: CALLED, waiting: [{ no: 'A013', booked: false, takenAt: '2026-03-02T01:20:00.000Z' }], waitingCount: 1 }));
    api.served.mockResolvedValue(desk({ current: { ...CALLED, status: 'served' } }));
    render(<HallDesk />);
    fireEvent.click(await screen.findByTestId('desk-next'));
    await waitFor(() => expect(screen.getByTestId('desk-current-no')).toHaveTextContent('A012'));
    expect(screen.getByTestId('desk-current')).toHaveTextContent('社会保障卡申领');
    expect(screen.getByTestId('desk-current-booked')).toHaveTextContent('预约');
    expect(screen.getByTestId('desk-next')).toBeDisabled();
    expect(screen.getByText('请先办结或过号，再叫下一位')).toBeInTheDocument();
    expect(screen.getByTestId('desk-served')).not.toBeDisabled();

    fireEvent.click(screen.getByTestId('desk-served'));
    await waitFor(() => expect(api.served).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId('desk-next')).not.toBeDisabled());
    expect(screen.getByTestId('desk-served')).toBeDisabled();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'A012 已办结' }));
  });

  it('says so when nobody is waiting', async () => {
    api.desk.mockResolvedValue(desk({ waiting: [], waitingCount: 0 }));
    api.next.mockResolvedValue(desk({ waiting: [], waitingCount: 0 }));
    render(<HallDesk />);
    fireEvent.click(await screen.findByTestId('desk-next'));
    expect(await screen.findByTestId('desk-notice')).toHaveTextContent('当前没有等候的号');
    expect(screen.getByTestId('desk-current')).toHaveTextContent('暂无正在办理的号');
  });

  it('过号 asks first, and nothing is sent when the officer cancels', async () => {
    api.desk.mockResolvedValue(desk({ current: CALLED }));
    api.absent.mockResolvedValue(desk({ current: { ...CALLED, status: 'absent' } }));
    render(<HallDesk />);
    await waitFor(() => expect(screen.getByTestId('desk-absent')).not.toBeDisabled());
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByTestId('desk-absent'));
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '过号', content: expect.stringContaining('A012') })));
    await waitFor(() => expect(screen.getByTestId('desk-absent')).not.toBeDisabled());
    expect(api.absent).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('desk-absent'));
    await waitFor(() => expect(api.absent).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId('desk-next')).not.toBeDisabled());
  });

  it('转窗口 sends the window chosen, after the confirmation', async () => {
    api.desk.mockResolvedValue(desk({ current: CALLED }));
    api.transfer.mockResolvedValue(desk());
    render(<HallDesk />);
    await waitFor(() => expect(screen.getByTestId('desk-transfer')).not.toBeDisabled());
    fireEvent.click(screen.getByTestId('desk-transfer'));
    const panel = screen.getByTestId('desk-transfer-panel');
    // the other windows only, said with whether anyone is there
    expect(
      within(panel)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['1 号窗口（A 字头）', '5 号窗口（B 字头，暂无人在岗）']);
    expect(within(panel).getByTestId('desk-transfer-go')).toBeDisabled();
    fireEvent.click(within(panel).getByRole('radio', { name: '5 号窗口（B 字头，暂无人在岗）' }));
    fireEvent.click(within(panel).getByTestId('desk-transfer-go'));
    await waitFor(() => expect(api.transfer).toHaveBeenCalledWith(5));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '转窗口', content: expect.stringContaining('5 号窗口') }));
    await waitFor(() => expect(screen.queryByTestId('desk-transfer-panel')).toBeNull());
    expect(screen.getByTestId('desk-current')).toHaveTextContent('暂无正在办理的号');
  });

  it('shows a refused action with the server’s reason and the desk as it is now', async () => {
    api.desk.mockResolvedValueOnce(desk()).mockResolvedValue(desk({ current: CALLED }));
    api.next.mockRejectedValue(new ApiError(409, 'CONFLICT', '窗口状态已变化，请刷新后再试'));
    render(<HallDesk />);
    fireEvent.click(await screen.findByTestId('desk-next'));
    expect(await screen.findByTestId('desk-error')).toHaveTextContent('窗口状态已变化，请刷新后再试');
    await waitFor(() => expect(api.desk).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByTestId('desk-current-no')).toHaveTextContent('A012'));
  });

  it('离开窗口 asks first, then goes back to the list of windows', async () => {
    api.desk.mockResolvedValue(desk());
    api.signOut.mockResolvedValue(AWAY);
    api.points.mockResolvedValue(POINTS);
    render(<HallDesk />);
    fireEvent.click(await screen.findByTestId('desk-sign-out'));
    await waitFor(() => expect(api.signOut).toHaveBeenCalledTimes(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '离开窗口' }));
    expect(await screen.findByTestId('window-district-hall-3')).toBeInTheDocument();
  });

  it('shows the day’s check-in QR for the point', async () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'h5';
    try {
      api.desk.mockResolvedValue(desk());
      api.checkInCode.mockResolvedValue({
        pointId: 'district-hall',
        date: '2026-03-02',
        code: 'K7Q2M9XA',
        path: '/packages/appointment/arrive/index?pointId=district-hall&code=K7Q2M9XA',
      });
      render(<HallDesk />);
      fireEvent.click(await screen.findByTestId('desk-qr'));
      const panel = await screen.findByTestId('desk-qr-panel');
      expect(api.checkInCode).toHaveBeenCalledWith('district-hall');
      expect(within(panel).getByRole('img', { name: '越秀区政务服务中心今日签到二维码' }).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(screen.getByTestId('desk-qr-code')).toHaveTextContent('签到码 K7Q2M9XA · 2026-03-02 当天有效');
    } finally {
      process.env.TARO_ENV = env;
    }
  });

  it('refreshes the desk every 5 s', async () => {
    jest.useFakeTimers();
    api.desk
      .mockResolvedValueOnce(desk())
      .mockResolvedValue(desk({ waitingCount: 3, waiting: [...desk().waiting, { no: 'A016', booked: false, takenAt: '2026-03-02T01:40:00.000Z' }] }));
    render(<HallDesk />);
    expect(await screen.findByTestId('waiting-count')).toHaveTextContent('共 2 人等候');
    expect(api.desk).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(4900);
    });
    expect(api.desk).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(100);
    });
    expect(api.desk).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('waiting-count')).toHaveTextContent('共 3 人等候');
  });
});
