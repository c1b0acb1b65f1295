import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { DisclosureAnnual } from '../../../api/staff';
import { signIn } from '../../../../test/session';
import AnnualPage from './index';
import { barWidth, kindBars, percent, yearsUpTo } from './figures';

const request = Taro.request as unknown as jest.Mock;
const year = Number(new Date().toISOString().slice(0, 4));

const housing = {
  departmentId: 'housing',
  departmentName: '广州市越秀区住房和城乡建设局',
  received: 12,
  replied: 8,
  onTime: 7,
  byKind: { partial: 4, disclosed: 2, not_exist: 2 },
};
const planning = { departmentId: 'planning', departmentName: '广州市规划和自然资源局越秀区分局', received: 3, replied: 0, onTime: 0, byKind: {} };
const district: DisclosureAnnual = {
  year,
  departments: [housing, planning],
  total: { received: 15, replied: 8, onTime: 7, byKind: { partial: 4, disclosed: 2, not_exist: 2 } },
};
/** The years asked for, in order (the query string of each GET). */
const asked = () =>
  request.mock.calls
    .map((c) => c[0].url as string)
    .filter((u) => u.startsWith('/v1/staff/disclosure/annual?'))
    .map((u) => new URLSearchParams(u.split('?')[1]).get('year'));

function serve(answer: (year: number) => unknown) {
  request.mockImplementation(async ({ url }: { url: string }) => {
    const [path, query] = url.split('?');
    if (path === '/v1/staff/disclosure/annual') return answer(Number(new URLSearchParams(query).get('year')));
    throw new Error(`unexpected ${url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
});

describe('政府信息公开年度报告', () => {
  it('is for staff and the admin only, without calling the API for anyone else', () => {
    signIn({ id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true });
    render(<AnnualPage />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('政府信息公开年度报告仅供');
    expect(request).not.toHaveBeenCalled();
  });

  it('shows the admin the district’s totals, a bar per reply kind and a row per department; another year on a tap', async () => {
    signIn({ id: 'a1', role: 'admin', nickname: '管理员', level: 1, verified: true });
    serve((y) => ({ statusCode: 200, data: y === year ? district : { year: y, departments: [], total: { received: 0, replied: 0, onTime: 0, byKind: {} } } }));
    render(<AnnualPage />);
    const totals = await screen.findByTestId('da-totals');
    expect(totals).toHaveTextContent('15 件收到申请8 件已答复7 件按期答复87.5%按期答复率');
    expect(screen.getByText(/全区各部门/)).toBeInTheDocument();
    // every kind in the 条例's order; the largest fills the track
    expect(screen.getByTestId('da-kind-partial')).toHaveTextContent('部分公开4 件');
    expect(screen.getByTestId('da-bar-partial')).toHaveStyle({ width: '100%' });
    expect(screen.getByTestId('da-bar-disclosed')).toHaveStyle({ width: '50%' });
    expect(screen.getByTestId('da-kind-withheld')).toHaveTextContent('不予公开0 件');
    const rows = screen.getAllByTestId('da-dept');
    expect(rows.map((r) => r.textContent)).toEqual(['广州市越秀区住房和城乡建设局12887.5%', '广州市规划和自然资源局越秀区分局30—']);
    expect(within(screen.getByRole('table', { name: '各部门情况' })).getAllByRole('row')).toHaveLength(3);
    expect(asked()).toEqual([String(year)]);

    fireEvent.click(screen.getByRole('radio', { name: `${year - 1} 年` }));
    expect(await screen.findByTestId('empty')).toHaveTextContent(`${year - 1} 年还没有收到政府信息公开申请`);
    expect(asked()).toEqual([String(year), String(year - 1)]);
  });

  it('shows an officer their own department, and an error with a retry', async () => {
    signIn({ id: 'u1', role: 'staff', nickname: '陈科长', level: 1, verified: true, departmentId: 'housing', departmentName: '区住房建设局' });
    let fail = true;
    serve(() =>
      fail
        ? { statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } } }
        : { statusCode: 200, data: { year, departments: [housing], total: housing } },
    );
    render(<AnnualPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('服务暂时不可用，请稍后再试');
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getAllByTestId('da-dept')).toHaveLength(1));
    expect(screen.getByText(/本部门：区住房建设局/)).toBeInTheDocument();
    expect(screen.getByText('本部门情况')).toBeInTheDocument();
  });

  it('says so to an officer with no department', () => {
    signIn({ id: 'u1', role: 'staff', nickname: '新人', level: 1, verified: true });
    render(<AnnualPage />);
    expect(screen.getByRole('alert')).toHaveTextContent('您的账号未分配部门');
    expect(request).not.toHaveBeenCalled();
  });
});

describe('the report’s arithmetic', () => {
  it('rounds shares to a tenth of a percent and never divides by zero', () => {
    expect([percent(7, 8), percent(0, 0), percent(9, 8)]).toEqual(['87.5%', '—', '100%']);
    expect([barWidth(1, 3), barWidth(0, 0), barWidth(5, 4)]).toEqual(['33.3%', '0%', '100%']);
    expect(kindBars({ partial: 2 }).map((b) => b.count)).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0]);
    expect(yearsUpTo(2021)).toEqual([2021, 2020, 2019]);
  });
});
