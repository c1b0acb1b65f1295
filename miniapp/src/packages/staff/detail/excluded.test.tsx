import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { StaffApplicationView } from '../../../api/staff';
import { saveSession } from '../../../api/session';
import Detail from './index';

const request = Taro.request as unknown as jest.Mock;
const APP = 'YX20261126000400';

const review: StaffApplicationView = {
  appNo: APP,
  itemName: '既有住宅加装电梯',
  departmentName: '规划和自然资源局越秀区分局',
  state: 'in_review',
  stateName: '审查中',
  submittedAt: '2026-11-02T02:00:00Z',
  light: 'green',
  remainingDays: 8,
  deadline: '2026-11-20',
  version: 5,
  applicant: '张*明',
  promisedDays: 15,
  statutoryDays: 20,
  materials: [],
  deferred: [],
  actions: ['requestSupplement', 'approve', 'deny', 'startExcluded'],
  excludedKinds: [
    { kind: 'hearing', name: '听证' },
    { kind: 'expert-review', name: '专家评审' },
  ],
  timeline: [],
};
const paused: StaffApplicationView = {
  ...review,
  version: 6,
  actions: ['endExcluded'],
  excludedPeriod: { name: '专家评审', since: '2026-11-03', note: '组织专家评审加装方案' },
};

const ok = (data: unknown) => ({ statusCode: 200, data });
const posts = (action: string) => request.mock.calls.map((c) => c[0]).filter((o) => o.method === 'POST' && o.url === `/v1/staff/applications/${APP}/${action}`);

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.showModal as unknown as jest.Mock).mockResolvedValue({ confirm: true, cancel: false });
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo: APP } });
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'staff', nickname: '罗工', level: 1, verified: true, departmentId: 'planning', departmentName: '规划分局' },
  });
});

describe("特别程序 on the officer's page", () => {
  it('starts an expert review the item allows, then shows it and offers only its end', async () => {
    let current = review;
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET') return ok(current);
      if (url.endsWith('/startExcluded')) return ok((current = paused));
      if (url.endsWith('/endExcluded')) return ok((current = { ...review, version: 7 }));
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-startExcluded'));
    fireEvent.click(screen.getByText('开始并暂停计时'));
    expect(await screen.findByText('请选择特别程序')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '专家评审' }));
    fireEvent.change(screen.getByLabelText('说明（将告知申请人）'), { target: { value: '组织专家评审加装方案' } });
    fireEvent.click(screen.getByText('开始并暂停计时'));
    await waitFor(() => expect(posts('startExcluded')).toHaveLength(1));
    expect(JSON.parse(posts('startExcluded')[0].data)).toEqual({ version: 5, kind: 'expert-review', note: '组织专家评审加装方案' });
    expect(await screen.findByTestId('excluded-period')).toHaveTextContent('专家评审中 · 自 2026年11月3日 起暂停计时');
    expect(screen.queryByTestId('action-approve')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('action-endExcluded'));
    fireEvent.change(screen.getByLabelText('结果说明'), { target: { value: '专家评审通过' } });
    fireEvent.click(screen.getByText('结束并恢复计时'));
    await waitFor(() => expect(posts('endExcluded')).toHaveLength(1));
    expect(JSON.parse(posts('endExcluded')[0].data)).toEqual({ version: 6, note: '专家评审通过' });
    await waitFor(() => expect(screen.queryByTestId('excluded-period')).not.toBeInTheDocument());
  });
});
