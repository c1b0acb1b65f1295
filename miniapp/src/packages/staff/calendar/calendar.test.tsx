import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { signIn } from '../../../../test/session';
import CalendarAdmin from './index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;

const OVERVIEW = {
  version: 3,
  source: 'chinese-days 1.5.7 (国务院办公厅通知 2024–2026)',
  knownUntil: 2027,
  provisionalYears: [2027],
  years: [
    { year: 2026, holidays: 33, workdays: 6, provisional: false },
    { year: 2027, holidays: 13, workdays: 0, provisional: true },
  ],
  importSource: 'chinese-days 1.5.7',
  importableYears: [2024, 2025, 2026],
};

const DRAFT = {
  year: 2026,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
  names: { '2026-10-01': '国庆节', '2026-10-07': '国庆节', '2026-10-10': '国庆节' },
  source: 'chinese-days 1.5.7（国务院办公厅关于 2026 年部分节假日安排的通知）',
  warnings: [],
  state: 'draft',
  version: 2,
  baseVersion: 3,
  importedBy: 'u-admin',
  importedAt: '2026-11-30T02:00:00.000Z',
  publishedVersion: 3,
  stale: false,
  diff: {
    holidaysAdded: ['2026-10-07'],
    holidaysRemoved: ['2026-10-08'],
    workdaysAdded: [],
    workdaysRemoved: [],
    endsProvisional: false,
    changes: [
      { kind: 'holiday', change: 'added', dates: ['2026-10-07'], text: '新增放假：10月7日（周三），国庆节' },
      { kind: 'holiday', change: 'removed', dates: ['2026-10-08'], text: '取消放假：10月8日（周四）' },
    ],
    summary: '与已发布的 2026 年日历相比，2 天有变化',
  },
};

type Req = { url: string; method: string; data?: string };
const sent = (method: string, url: string) => request.mock.calls.map((c) => c[0] as Req).filter((c) => c.method === method && c.url === url);

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  signIn({ id: 'u-admin', role: 'admin', nickname: '管理员', level: 1, verified: false });
});

describe('工作日历 (admin)', () => {
  it('shows the published years, imports a year into a draft drawn as a wall calendar with its diff, and publishes after confirming', async () => {
    request.mockImplementation(async ({ url, method, data }: Req) => {
      if (method === 'GET' && url === '/v1/admin/calendar') return { statusCode: 200, data: OVERVIEW };
      if (method === 'POST' && url === '/v1/admin/calendar/drafts') {
        expect(JSON.parse(data!)).toEqual({ year: 2026 });
        return { statusCode: 201, data: DRAFT };
      }
      if (method === 'POST' && url === '/v1/admin/calendar/publish')
        return {
          statusCode: 200,
          data: {
            ...DRAFT,
            state: 'published',
            version: 3,
            publishedBy: 'u-admin',
            publishedAt: '2026-11-30T03:00:00.000Z',
            diff: { ...DRAFT.diff, changes: [], summary: '与已发布的 2026 年日历相同' },
          },
        };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<CalendarAdmin />);
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByTestId('known-until')).toHaveTextContent('节假日数据至 2027 年，其中 2027 年为暂定');
    expect(screen.getByTestId('known-until')).toHaveTextContent('2028 年起暂按周末计算');
    expect(within(screen.getByTestId('year-2027')).getByText('暂定')).toBeInTheDocument();
    expect(screen.getByText('请先选择年份')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: '2026 年' }));
    expect(screen.getByText('2026 年还没有草稿，点「导入 2026 年」开始')).toBeInTheDocument();
    fireEvent.click(screen.getByText('导入 2026 年'));
    const draft = await screen.findByTestId('draft');
    expect(sent('POST', '/v1/admin/calendar/drafts')).toHaveLength(1);
    expect(within(screen.getByTestId('diff')).getByText('新增放假：10月7日（周三），国庆节')).toBeInTheDocument();
    expect(within(screen.getByTestId('diff')).getByText('取消放假：10月8日（周四）')).toBeInTheDocument();
    // twelve months, Monday first; October 2026 starts on a Thursday
    expect(within(draft).getAllByRole('grid')).toHaveLength(12);
    const october = screen.getByTestId('month-10');
    const firstWeek = within(october).getAllByRole('row')[1].querySelectorAll('.cal-cell');
    expect(Array.from(firstWeek).map((c) => c.getAttribute('data-date'))).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    const cell = (date: string) => draft.querySelector(`[data-date="${date}"]`)!;
    expect(cell('2026-10-01')).toHaveClass('off');
    expect(cell('2026-10-01')).toHaveTextContent('1休');
    expect(cell('2026-10-10')).toHaveClass('work');
    expect(cell('2026-10-10')).toHaveTextContent('10班');
    expect(cell('2026-10-10')).toHaveAttribute('aria-label', '10月10日，调休上班，国庆节');
    expect(cell('2026-10-07')).toHaveClass('changed');
    expect(cell('2026-10-08')).not.toHaveClass('off');

    // publishing asks first; cancelled, nothing is sent
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('发布 2026 年日历'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布 2026 年日历', content: expect.stringContaining('2 天有变化') }));
    expect(sent('POST', '/v1/admin/calendar/publish')).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId('publish-btn')).not.toBeDisabled());
    fireEvent.click(screen.getByText('发布 2026 年日历'));
    await waitFor(() => expect(sent('POST', '/v1/admin/calendar/publish')).toHaveLength(1));
    expect(JSON.parse(sent('POST', '/v1/admin/calendar/publish')[0].data!)).toEqual({ year: 2026, version: 2 });
    expect(await screen.findByText('已发布，办件时限已按此日历计算。')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }));
    expect(sent('GET', '/v1/admin/calendar').length).toBeGreaterThanOrEqual(2); // the overview is read again
  });

  it('says plainly when the package has no data for the year, and shows a 409 on publishing', async () => {
    request.mockImplementation(async ({ url, method }: Req) => {
      if (method === 'GET' && url === '/v1/admin/calendar')
        return { statusCode: 200, data: { ...OVERVIEW, years: [{ ...OVERVIEW.years[0], draftVersion: 2 }, OVERVIEW.years[1]] } };
      if (method === 'POST' && url === '/v1/admin/calendar/drafts')
        return { statusCode: 422, data: { error: { code: 'RULE_VIOLATION', message: 'chinese-days 1.5.7 还没有 2028 年的节假日安排' } } };
      if (method === 'GET' && url === '/v1/admin/calendar/drafts/2026') return { statusCode: 200, data: DRAFT };
      if (method === 'POST' && url === '/v1/admin/calendar/publish')
        return { statusCode: 409, data: { error: { code: 'CONFLICT', message: '2026 年的草稿已重新导入（现为第 3 版），请核对新的差异后再发布' } } };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<CalendarAdmin />);
    fireEvent.click(await screen.findByRole('radio', { name: '2028 年' }));
    fireEvent.click(screen.getByText('导入 2028 年'));
    expect(await screen.findByTestId('import-error')).toHaveTextContent('还没有 2028 年的节假日安排');
    expect(screen.queryByTestId('draft')).toBeNull();

    // a year with a draft opens it at once
    fireEvent.click(screen.getByTestId('year-2026'));
    await screen.findByTestId('draft');
    expect(screen.getByText('重新导入 2026 年')).toBeInTheDocument();
    fireEvent.click(screen.getByText('发布 2026 年日历'));
    expect(await screen.findByTestId('publish-error')).toHaveTextContent('已重新导入');
  });

  it('is for admins only', async () => {
    signIn({ id: 'u-resident-zhang', role: 'resident', nickname: '张晓明', level: 2, verified: true });
    render(<CalendarAdmin />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('工作日历仅供');
    expect(request).not.toHaveBeenCalled();
  });
});
