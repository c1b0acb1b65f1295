import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { appointmentsApi, type ScreenView } from '../../../api/appointments';
import { ApiError } from '../../../api/client';
import HallScreen from './index';

jest.mock('../../../api/appointments', () => ({ appointmentsApi: { screen: jest.fn() } }));

const screenApi = appointmentsApi.screen as jest.Mock;
type Call = ScreenView['calls'][number];
const call = (seq: number, no: string, windowNo: number, at = '2026-03-02T02:00:00.000Z'): Call => ({
  seq,
  no,
  windowNo,
  at,
  text: `请 ${no} 号到 ${windowNo} 号窗口`,
});
const CALLS = [call(7, 'A012', 3, '2026-03-02T02:05:00.000Z'), call(6, 'B004', 5), call(5, 'A011', 1), call(4, 'C002', 7)];
const view = (calls: Call[] = CALLS, over: Partial<ScreenView> = {}): ScreenView => ({
  pointId: 'district-hall',
  pointName: '越秀区政务服务中心',
  date: '2026-03-02',
  calls,
  windows: [
    { no: 1, prefix: 'A', open: true, current: 'A011' },
    { no: 3, prefix: 'A', open: true, current: calls[0]?.windowNo === 3 ? calls[0].no : 'A010' },
    { no: 5, prefix: 'B', open: true, current: 'B004' },
    { no: 9, prefix: 'D', open: false },
  ],
  waiting: [
    { prefix: 'A', name: '综合受理区', count: 12 },
    { prefix: 'B', name: '户政业务区', count: 3 },
  ],
  at: '2026-03-02T02:06:00.000Z',
  ...over,
});

/** The browser's speech, recorded: what was said, and the utterances (to fire their errors). */
const speak = jest.fn();
class Utterance {
  lang = '';
  rate = 1;
  onerror?: (e: { error: string }) => void;
  constructor(readonly text: string) {}
}
const said = () => speak.mock.calls.map(([u]) => (u as Utterance).text);
const w = window as unknown as Record<string, unknown>;

/** Lets the mocked answers arrive (and the effects after them run). */
const settle = () => act(async () => {});
const tick = (ms: number) =>
  act(async () => {
    jest.advanceTimersByTime(ms);
  });

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(new Date('2026-03-02T02:06:30.000Z'));
  screenApi.mockReset();
  speak.mockReset();
  w.speechSynthesis = { speak, cancel: jest.fn(), getVoices: () => [{ lang: 'en-US' }, { lang: 'zh-CN', name: '婷婷' }] };
  w.SpeechSynthesisUtterance = Utterance;
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { pointId: 'district-hall' } });
});
afterEach(() => {
  jest.useRealTimers();
  delete w.speechSynthesis;
  delete w.SpeechSynthesisUtterance;
});

describe('叫号屏', () => {
  it('shows the newest call very large, the calls before it, each window and the waiting per area; the first load is not said', async () => {
    screenApi.mockResolvedValue(view());
    render(<HallScreen />);
    await settle();
    expect(screenApi).toHaveBeenCalledWith('district-hall');
    expect(screen.getByTestId('screen-point')).toHaveTextContent('越秀区政务服务中心');
    expect(screen.getByText('2026年3月2日 星期一')).toBeInTheDocument();
    expect(screen.getByTestId('screen-clock')).toHaveTextContent('10:06');
    expect(screen.getByTestId('screen-latest')).toHaveTextContent('请 A012 号到 3 号窗口');
    expect(
      within(screen.getByTestId('screen-calls'))
        .getAllByRole('listitem')
        .map((r) => r.textContent),
    ).toEqual(['B0045 号窗口10:00', 'A0111 号窗口10:00', 'C0027 号窗口10:00']);
    expect(screen.getByTestId('screen-window-3')).toHaveTextContent('3 号窗口A012');
    expect(screen.getByTestId('screen-window-9')).toHaveTextContent('9 号窗口暂停服务');
    expect(
      within(screen.getByTestId('screen-waiting'))
        .getAllByRole('listitem')
        .map((r) => r.textContent),
    ).toEqual(['A 综合受理区12 人', 'B 户政业务区3 人']);
    expect(screen.getByTestId('screen-latest')).not.toHaveClass('hs-flash');
    expect(speak).not.toHaveBeenCalled();
  });

  it('shows at most six calls before the newest', async () => {
    const many = Array.from({ length: 10 }, (_, i) => call(20 - i, `A0${20 - i}`, 1 + (i % 4)));
    screenApi.mockResolvedValue(view(many));
    render(<HallScreen />);
    await settle();
    expect(screen.getByTestId('screen-latest')).toHaveTextContent('请 A020 号到 1 号窗口');
    expect(within(screen.getByTestId('screen-calls')).getAllByRole('listitem')).toHaveLength(6);
  });

  it('asks again every 1.5 s; a new call is said once in Mandarin and highlighted for a while', async () => {
    const next = [call(8, 'A013', 1, '2026-03-02T02:06:40.000Z'), ...CALLS];
    screenApi.mockResolvedValueOnce(view()).mockResolvedValue(view(next));
    render(<HallScreen />);
    await settle();
    expect(screenApi).toHaveBeenCalledTimes(1);
    await tick(1400);
    expect(screenApi).toHaveBeenCalledTimes(1);
    await tick(100);
    expect(screenApi).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('screen-latest')).toHaveTextContent('请 A013 号到 1 号窗口');
    expect(screen.getByTestId('screen-calls').firstChild).toHaveTextContent('A0123 号窗口');
    expect(said()).toEqual(['请 A 0 1 3 号到 1 号窗口']);
    const utterance = speak.mock.calls[0][0] as Utterance & { voice?: { lang: string } };
    expect(utterance.lang).toBe('zh-CN');
    expect(utterance.voice?.lang).toBe('zh-CN');
    expect(screen.getByTestId('screen-latest')).toHaveClass('hs-flash');
    expect(screen.getByTestId('screen-window-1')).toHaveClass('hs-flash');

    // the same answer again: nothing more is said; the highlight ends
    await tick(1500);
    await tick(1500);
    expect(screenApi).toHaveBeenCalledTimes(4);
    expect(speak).toHaveBeenCalledTimes(1);
    await tick(6000);
    expect(screen.getByTestId('screen-latest')).not.toHaveClass('hs-flash');
    expect(speak).toHaveBeenCalledTimes(1);
  });

  it('says a recall again (a new seq for the same number), and several new calls in order', async () => {
    const recall = [call(8, 'A012', 3), ...CALLS];
    const two = [call(10, 'B005', 6), call(9, 'A013', 1), ...recall];
    screenApi.mockResolvedValueOnce(view()).mockResolvedValueOnce(view(recall)).mockResolvedValue(view(two));
    render(<HallScreen />);
    await settle();
    await tick(1500);
    await tick(1500);
    expect(said()).toEqual(['请 A 0 1 2 号到 3 号窗口', '请 A 0 1 3 号到 1 号窗口', '请 B 0 0 5 号到 6 号窗口']);
  });

  it('does not say old calls on a new day (the numbers start again)', async () => {
    screenApi.mockResolvedValueOnce(view()).mockResolvedValue(view([call(1, 'A001', 2)], { date: '2026-03-03' }));
    render(<HallScreen />);
    await settle();
    await tick(1500);
    expect(screen.getByTestId('screen-latest')).toHaveTextContent('请 A001 号到 2 号窗口');
    expect(speak).not.toHaveBeenCalled();
  });

  it('works without speech (the mini-program, an old browser): the call is shown, nothing fails', async () => {
    delete w.speechSynthesis;
    delete w.SpeechSynthesisUtterance;
    screenApi.mockResolvedValueOnce(view()).mockResolvedValue(view([call(8, 'A013', 1), ...CALLS]));
    render(<HallScreen />);
    await settle();
    await tick(1500);
    expect(screen.getByTestId('screen-latest')).toHaveTextContent('请 A013 号到 1 号窗口');
    expect(screen.getByTestId('screen-latest')).toHaveClass('hs-flash');
    expect(screen.queryByTestId('screen-voice')).toBeNull();
  });

  it('offers a button when the browser will not speak before a tap', async () => {
    screenApi.mockResolvedValueOnce(view()).mockResolvedValue(view([call(8, 'A013', 1), ...CALLS]));
    render(<HallScreen />);
    await settle();
    await tick(1500);
    await act(async () => (speak.mock.calls[0][0] as Utterance).onerror?.({ error: 'not-allowed' }));
    fireEvent.click(screen.getByTestId('screen-voice'));
    expect(said()).toEqual(['请 A 0 1 3 号到 1 号窗口', '语音播报已开启']);
    expect(screen.queryByTestId('screen-voice')).toBeNull();
  });

  it('keeps the board when the network drops, and says it is reconnecting', async () => {
    screenApi
      .mockResolvedValueOnce(view())
      .mockRejectedValueOnce(new ApiError(0, 'NETWORK', '网络不可用'))
      .mockResolvedValue(view());
    render(<HallScreen />);
    await settle();
    await tick(1500);
    expect(screen.getByTestId('screen-offline')).toHaveTextContent('正在重新连接');
    expect(screen.getByTestId('screen-latest')).toHaveTextContent('请 A012 号到 3 号窗口');
    await tick(1500);
    expect(screen.queryByTestId('screen-offline')).toBeNull();
  });

  it('shows the error when the first answer fails, and recovers on its own', async () => {
    screenApi.mockRejectedValueOnce(new ApiError(404, 'NOT_FOUND', '没有这个办事地点')).mockResolvedValue(view());
    render(<HallScreen />);
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('没有这个办事地点');
    await tick(1500);
    expect(screen.getByTestId('screen-latest')).toHaveTextContent('请 A012 号到 3 号窗口');
    expect(speak).not.toHaveBeenCalled();
  });

  it('says what is missing without a point', () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: {} });
    render(<HallScreen />);
    expect(screen.getByText(/没有指定办事地点/)).toBeInTheDocument();
    expect(screenApi).not.toHaveBeenCalled();
  });
});
