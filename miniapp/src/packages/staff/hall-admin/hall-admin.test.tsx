import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DISTRICT_HALL, hoursText, PointInput, SEED_SERVICE_POINTS, type PointSpec } from '@yx/shared';
import { hallAdminApi, type PointAdminView, type PointStats } from '../../../api/appointments';
import { api, ApiError } from '../../../api/client';
import { signIn } from '../../../../test/session';
import HallAdmin from './index';

jest.mock('../../../api/appointments', () => ({
  hallAdminApi: { points: jest.fn(), save: jest.fn(), stats: jest.fn() },
}));
jest.mock('../../../api/client', () => {
  const actual = jest.requireActual('../../../api/client');
  return { ...actual, api: { ...actual.api, services: jest.fn(), departments: jest.fn() } };
});

const admin = hallAdminApi as unknown as Record<keyof typeof hallAdminApi, jest.Mock>;
const guide = api as unknown as { services: jest.Mock; departments: jest.Mock };
const showModal = Taro.showModal as unknown as jest.Mock;

const view = (p: PointSpec, version: number): PointAdminView => ({
  ...p,
  slotMinutes: p.slotMinutes as PointAdminView['slotMinutes'],
  version,
  hoursText: hoursText(p.hours),
});
const HALL = view(DISTRICT_HALL, 3);
const seed = (id: string) => SEED_SERVICE_POINTS.find((p) => p.id === id)!;
const BEIJING = view(seed('street-beijing'), 1);
const DADONG = view(seed('street-dadong'), 1);

const date = (i: number) => new Date(Date.UTC(2026, 10, 22 + i)).toISOString().slice(0, 10);
const round1 = (x: number) => Math.round(x * 10) / 10;
/** 14 days from 11/22 to 12/5: 10 bookings a day (20 on 12/5, none on 11/27), 3 爽约 on 11/22. */
const STATS: PointStats = {
  pointId: 'district-hall',
  pointName: '越秀区政务服务中心',
  days: Array.from({ length: 14 }, (_, i) => {
    const booked = i === 13 ? 20 : i === 5 ? 0 : 10;
    const cancelled = booked ? 1 : 0;
    const noShows = i === 0 ? 3 : 0;
    return {
      date: date(i),
      booked,
      cancelled,
      noShows,
      ...(booked ? { noShowRate: round1((noShows / (booked - cancelled)) * 100) } : {}),
      taken: 20,
      served: 18,
      absent: 1,
      avgWaitMinutes: 12,
      avgServiceMinutes: 6.5,
    };
  }),
};
const EMPTY: PointStats = {
  ...STATS,
  days: STATS.days.map((d) => ({ date: d.date, booked: 0, cancelled: 0, noShows: 0, taken: 0, served: 0, absent: 0 })),
};

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const height = (id: string) => (screen.getByTestId(id) as HTMLElement).style.height;
const asAdmin = () => signIn({ id: 'u-admin', role: 'admin', nickname: '王管理', level: 1, verified: true });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  Object.values(admin).forEach((f) => f.mockReset());
  guide.services.mockReset();
  guide.departments.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  (Taro.showToast as jest.Mock).mockClear();
  // the server lists the points by id: the page puts the hall first, then the streets in the district's order
  admin.points.mockResolvedValue({ items: [DADONG, HALL, BEIJING] });
  admin.stats.mockResolvedValue(STATS);
  guide.services.mockImplementation(async ({ cursor }: { cursor?: string }) =>
    cursor
      ? { items: [{ id: 'id-card', name: '居民身份证申领' }], total: 3, nextCursor: null }
      : {
          items: [
            { id: 'social-security-card', name: '社会保障卡申领' },
            { id: 'retirement', name: '退休办理' },
          ],
          total: 3,
          nextCursor: '2',
        },
  );
  guide.departments.mockResolvedValue({
    items: [
      { id: 'data', name: '广州市越秀区政务服务数据管理局', shortName: '区政数局', phone: '', address: '' },
      { id: 'police', name: '广州市公安局越秀区分局', shortName: '越秀公安分局', phone: '', address: '' },
    ],
  });
  asAdmin();
});

/** The page on the hall's 设置 tab. */
async function openSettings() {
  render(<HallAdmin />);
  await screen.findByTestId('ha-point');
  fireEvent.click(screen.getByRole('tab', { name: '设置' }));
  return screen.findByTestId('ha-settings');
}

describe('办事地点管理', () => {
  it('is only for the admin', async () => {
    for (const role of ['staff', 'dispatcher', 'resident'] as const) {
      signIn({ id: `u-${role}`, role, nickname: 'x', level: 1, verified: true });
      const r = render(<HallAdmin />);
      expect(screen.getByTestId('role-gate')).toHaveTextContent('办事地点管理仅供管理员使用');
      r.unmount();
    }
    expect(admin.points).not.toHaveBeenCalled();
    expect(admin.stats).not.toHaveBeenCalled();

    asAdmin();
    render(<HallAdmin />);
    expect(await screen.findByTestId('ha-point')).toHaveTextContent('越秀区政务服务中心');
    const picker = screen.getByRole('radiogroup', { name: '选择办事地点' });
    expect(
      within(picker)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['区政务服务中心', '北京街道', '大东街道']);
    expect(admin.stats).toHaveBeenCalledWith('district-hall', 14);

    fireEvent.click(within(picker).getByRole('radio', { name: '北京街道' }));
    expect(await screen.findByTestId('ha-point')).toHaveTextContent('北京街道便民服务中心');
    await waitFor(() => expect(admin.stats).toHaveBeenLastCalledWith('street-beijing', 14));
  });

  it('draws the days: bookings, 爽约率, numbers and minutes, each with dates, a title and a summary in words', async () => {
    render(<HallAdmin />);
    const summary = await screen.findByTestId('ha-summary');
    expect(summary).toHaveTextContent('近 14 天（11/22–12/5）');
    expect(summary).toHaveTextContent('近 14 天预约 140 人次，爽约率 2.4%，取号 280 人，办结 252 人，平均等候 12 分钟，平均办理 6.5 分钟。');

    const bookings = screen.getByTestId('ha-chart-bookings');
    expect(bookings).toHaveTextContent('每日预约');
    expect(bookings).toHaveTextContent('纵轴：人次');
    expect(bookings).toHaveTextContent('最高 20人次');
    expect(bookings).toHaveTextContent('横轴：日期（月/日）');
    const cols = within(bookings).getAllByRole('listitem');
    expect(cols).toHaveLength(14);
    expect(cols.map((c) => c.textContent)).toEqual(STATS.days.map((d) => `${Number(d.date.slice(5, 7))}/${Number(d.date.slice(8, 10))}`));
    expect(cols[13]).toHaveAttribute('aria-label', '12月5日：预约 20 人次，取消 1 人次，爽约 0 人次');
    expect(height('ha-bookings-booked-2026-12-05')).toBe('100%');
    expect(height('ha-bookings-booked-2026-11-22')).toBe('50%');
    expect(height('ha-bookings-cancelled-2026-11-22')).toBe('5%');
    expect(height('ha-bookings-noShows-2026-11-22')).toBe('15%');
    expect(height('ha-bookings-booked-2026-11-27')).toBe('0%');
    expect(screen.getByTestId('ha-bookings-summary')).toHaveTextContent('近 14 天预约 140 人次，取消 13 人次，爽约 3 人次。');

    const rate = screen.getByTestId('ha-chart-rate');
    expect(rate).toHaveTextContent('每日爽约率');
    expect(height('ha-rate-rate-2026-11-22')).toBe('100%');
    expect(height('ha-rate-rate-2026-11-23')).toBe('0%');
    expect(within(rate).getAllByRole('listitem')[0]).toHaveAttribute('aria-label', '11月22日：爽约率 33.3%');
    expect(within(rate).getAllByRole('listitem')[5]).toHaveAttribute('aria-label', '11月27日：爽约率 无数据');
    expect(screen.getByTestId('ha-rate-summary')).toHaveTextContent('近 14 天爽约率 2.4%（爽约 3 人次，未取消的预约 127 人次）。');

    expect(screen.getByTestId('ha-chart-numbers')).toHaveTextContent('每日取号与办结');
    expect(height('ha-numbers-taken-2026-12-01')).toBe('100%');
    expect(height('ha-numbers-served-2026-12-01')).toBe('90%');
    expect(screen.getByTestId('ha-numbers-summary')).toHaveTextContent('近 14 天取号 280 人，办结 252 人，过号 14 人。');

    expect(screen.getByTestId('ha-chart-minutes')).toHaveTextContent('平均等候与办理时间');
    expect(height('ha-minutes-service-2026-12-01')).toBe('54.2%');
    expect(screen.getByTestId('ha-minutes-summary')).toHaveTextContent('近 14 天平均等候 12 分钟，平均办理 6.5 分钟。');
  });

  it('says so when the point has no figures yet', async () => {
    admin.stats.mockResolvedValue(EMPTY);
    render(<HallAdmin />);
    expect(await screen.findByTestId('empty')).toHaveTextContent('近 14 天还没有预约和取号记录');
    expect(screen.queryByTestId('ha-chart-bookings')).not.toBeInTheDocument();
  });

  it('shows the areas’ items by name from the catalogue, and offers the catalogue to choose from', async () => {
    await openSettings();
    await waitFor(() => expect(guide.services).toHaveBeenCalledTimes(2));
    expect(guide.services).toHaveBeenLastCalledWith({ limit: 50, cursor: '2' });
    const a = screen.getByTestId('ha-area-0');
    const items = within(a).getAllByTestId('ha-area-item');
    expect(items[0]).toHaveTextContent('社会保障卡申领');
    // an id the catalogue does not know is shown as it is, marked
    expect(items[2]).toHaveTextContent('employment-registration不在事项目录中');

    // 居民身份证申领 is in area B: chosen for A, it moves
    fireEvent.click(within(a).getByRole('button', { name: '＋ 为业务区 1选择事项' }));
    fireEvent.click(await within(a).findByRole('checkbox', { name: '居民身份证申领（现在 B 区，选中后移到本区）' }));
    expect(within(a).getAllByTestId('ha-area-item').pop()).toHaveTextContent('居民身份证申领');
    expect(screen.getByTestId('ha-area-1')).not.toHaveTextContent('居民身份证申领');
    expect(screen.getByTestId('ha-window-0-dept')).toHaveTextContent('区政数局');
  });

  it('reads the hours back in words as the ranges are edited', async () => {
    await openSettings();
    const words = screen.getByTestId('ha-hours-text');
    expect(words).toHaveTextContent(HALL.hoursText);
    expect(words).toHaveTextContent('工作日 09:00–12:00、13:30–17:30；周二、周四延时至 20:00（白加黑）；周末 09:00–12:00、13:30–17:00（5+2 预约服务）');

    type('工作日第 1 段结束时间', '11:30');
    expect(words).toHaveTextContent('工作日 09:00–11:30、13:30–17:30');

    fireEvent.click(screen.getByRole('button', { name: '删除工作日第 2 段' }));
    expect(words).toHaveTextContent('工作日 09:00–11:30；');

    // 周六 only
    fireEvent.click(within(screen.getByRole('group', { name: '周末开放哪几天' })).getByRole('checkbox', { name: '周日' }));
    expect(words).toHaveTextContent('周六 09:00–12:00、13:30–17:00（5+2 预约服务）');

    fireEvent.click(screen.getByTestId('ha-add-holiday'));
    type('节假日第 1 段结束时间', '12:00');
    expect(words).toHaveTextContent('节假日 09:00–12:00');

    fireEvent.click(within(screen.getByRole('group', { name: '哪几天延时' })).getByRole('checkbox', { name: '周五' }));
    type('延时时段结束时间', '19:30');
    expect(words).toHaveTextContent('周二、周四、周五延时至 19:30（白加黑）');
    fireEvent.click(screen.getByRole('switch', { name: '开放白加黑延时服务' }));
    expect(words).not.toHaveTextContent('延时至');
  });

  it('checks the draft against the contract before anything is sent: a window of an area that is gone, a number twice', async () => {
    await openSettings();
    // area B (户政业务区) goes: windows 5 and 6 still call B
    fireEvent.click(screen.getByRole('button', { name: '删除业务区 2' }));
    type('第 2 个窗口的窗口号', '1');
    type('工作日第 1 段结束时间', '08:00');
    fireEvent.click(screen.getByTestId('ha-save'));

    expect(await within(screen.getByTestId('ha-window-4')).findByText('窗口 5 的业务区 B 不存在')).toBeInTheDocument();
    expect(within(screen.getByTestId('ha-window-4')).getByRole('radio', { name: 'B 区（已不存在）' })).toBeInTheDocument();
    expect(within(screen.getByTestId('ha-window-5')).getByText('窗口 6 的业务区 B 不存在')).toBeInTheDocument();
    expect(within(screen.getByTestId('ha-window-1')).getByText('窗口号 1 重复')).toBeInTheDocument();
    expect(within(screen.getByTestId('ha-hours-workday')).getByText('结束时间应晚于开始时间')).toBeInTheDocument();
    expect(screen.getByTestId('ha-save-error')).toHaveTextContent(/有 \d+ 处需要修改，请看标红的地方/);
    expect(showModal).not.toHaveBeenCalled();
    expect(admin.save).not.toHaveBeenCalled();
  });

  it('saves after a confirmation with the version loaded, and shows the new version', async () => {
    admin.save.mockImplementation(async (_id: string, body: { expectedVersion: number }) => ({
      ...HALL,
      capacityPerWindow: 3,
      version: body.expectedVersion + 1,
    }));
    await openSettings();
    expect(screen.getByTestId('ha-version')).toHaveTextContent('当前第 3 版');
    type('每窗口每时段可约人数（1–20）', '3');
    fireEvent.click(screen.getByRole('radio', { name: '20 分钟' }));
    fireEvent.click(screen.getByTestId('ha-save'));

    await waitFor(() => expect(admin.save).toHaveBeenCalledTimes(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '保存后新的开放时间和容量用于之后的预约；已预约的不受影响' }));
    const [id, body] = admin.save.mock.calls[0];
    expect(id).toBe('district-hall');
    expect(body).toMatchObject({ expectedVersion: 3, capacityPerWindow: 3, slotMinutes: 20, kind: 'hall', name: '越秀区政务服务中心' });
    expect(body.hours).toEqual(DISTRICT_HALL.hours);
    expect(body.windows).toEqual(DISTRICT_HALL.windows);
    expect(PointInput.safeParse(body).success).toBe(true);
    expect(await screen.findByText('当前第 4 版', { exact: false })).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
  });

  it('sends nothing when the confirmation is declined', async () => {
    showModal.mockResolvedValue({ confirm: false, cancel: true });
    await openSettings();
    fireEvent.click(screen.getByTestId('ha-save'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(admin.save).not.toHaveBeenCalled();
  });

  it('on a 409 keeps the draft and offers the latest version', async () => {
    admin.save.mockRejectedValue(new ApiError(409, 'CONFLICT', '该办事地点刚被其他管理员修改，请载入最新版本后再改'));
    await openSettings();
    type('地点名称', '越秀区政务服务中心（东风路）');
    fireEvent.click(screen.getByTestId('ha-save'));

    expect(await screen.findByTestId('ha-save-error')).toHaveTextContent('该办事地点刚被其他管理员修改，请载入最新版本后再改');
    expect(valueOf('地点名称')).toBe('越秀区政务服务中心（东风路）');
    expect(screen.getByTestId('ha-version')).toHaveTextContent('当前第 3 版');

    const latest = { ...HALL, name: '越秀区政务服务中心（新址）', capacityPerWindow: 4, version: 5 };
    admin.points.mockResolvedValue({ items: [latest, BEIJING, DADONG] });
    fireEvent.click(screen.getByTestId('ha-reload'));
    await waitFor(() => expect(valueOf('地点名称')).toBe('越秀区政务服务中心（新址）'));
    expect(valueOf('每窗口每时段可约人数（1–20）')).toBe('4');
    expect(screen.getByTestId('ha-version')).toHaveTextContent('当前第 5 版');
    expect(screen.queryByTestId('ha-reload')).not.toBeInTheDocument();
    expect(screen.queryByTestId('ha-save-error')).not.toBeInTheDocument();

    admin.save.mockResolvedValue({ ...latest, version: 6 });
    fireEvent.click(screen.getByTestId('ha-save'));
    await waitFor(() => expect(admin.save).toHaveBeenCalledTimes(2));
    expect(admin.save.mock.calls[1][1]).toMatchObject({ expectedVersion: 5 });
  });

  it('on a 400 shows the server’s messages under the fields', async () => {
    admin.save.mockRejectedValue(
      new ApiError(400, 'VALIDATION_FAILED', '办事地点设置有误：值守部门 nobody 不存在', [
        { field: 'body.windows.0.departmentId', message: 'departmentId：值守部门 nobody 不存在' },
        { field: 'body.areas.0.itemIds', message: 'itemIds：办事事项 gone-item 不在事项目录中' },
      ]),
    );
    await openSettings();
    fireEvent.click(screen.getByTestId('ha-save'));
    expect(await within(screen.getByTestId('ha-window-0')).findByText('值守部门 nobody 不存在')).toBeInTheDocument();
    expect(within(screen.getByTestId('ha-area-0')).getByText('办事事项 gone-item 不在事项目录中')).toBeInTheDocument();
    expect(screen.getByTestId('ha-save-error')).toHaveTextContent('办事地点设置有误：值守部门 nobody 不存在');
    expect(screen.queryByTestId('ha-reload')).not.toBeInTheDocument();
  });

  it('offers a street centre’s own staff for its windows', async () => {
    admin.save.mockImplementation(async (_id: string, body: object) => ({ ...BEIJING, ...body, version: 2 }));
    render(<HallAdmin />);
    await screen.findByTestId('ha-point');
    fireEvent.click(screen.getByRole('radio', { name: '北京街道' }));
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    await screen.findByTestId('ha-settings');
    expect(screen.getByTestId('ha-window-0-dept')).toHaveTextContent('本街道工作人员');
    fireEvent.click(screen.getByTestId('ha-add-window'));
    expect(screen.getByTestId('ha-window-3')).toHaveTextContent('4 号窗口');
    fireEvent.click(screen.getByRole('switch', { name: '第 4 个窗口开放延时和周末服务' }));
    fireEvent.click(screen.getByTestId('ha-save'));
    await waitFor(() => expect(admin.save).toHaveBeenCalled());
    const [id, body] = admin.save.mock.calls[0];
    expect(id).toBe('street-beijing');
    expect(body).toMatchObject({ kind: 'street', streetId: 'beijing', expectedVersion: 1, hours: { weekendDays: [6] } });
    expect(body.windows[3]).toEqual({ no: 4, prefix: 'A', departmentId: 'street', extended: true });
  });
});
