import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { StaffApplicationView } from '../../../api/staff';
import { signIn } from '../../../../test/session';
import Detail from './index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
const APP = 'YX20261126000123';
const SERIAL = 'ZM20261126000001';

const approved: StaffApplicationView = {
  appNo: APP,
  itemName: '无犯罪记录证明',
  departmentName: '广州市公安局越秀区分局',
  state: 'approved',
  stateName: '已办结（准予）',
  submittedAt: '2026-11-26T06:05:00Z',
  light: null,
  remainingDays: null,
  deadline: '2026-12-03',
  version: 9,
  applicant: '张*明',
  promisedDays: 1,
  statutoryDays: 5,
  materials: [],
  deferred: [],
  actions: ['deliver'],
  timeline: [{ at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' }],
  issuesDocument: true,
  documents: [{ serial: SERIAL, title: '无犯罪记录证明', kind: 'certificate', status: 'valid' }],
};
const view = { serial: SERIAL, title: '无犯罪记录证明', kind: 'certificate', status: 'revoked', revokedReason: '申请人信息有误，需重新出具' };

const ok = (data: unknown) => ({ statusCode: 200, data });
const calls = (method: string, path: string) => request.mock.calls.map((c) => c[0]).filter((o) => o.method === method && o.url === path);

function serve(current: () => StaffApplicationView, on: Record<string, () => unknown> = {}) {
  request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    if (method === 'GET' && url === `/v1/staff/applications/${APP}`) return ok(current());
    if (on[`${method} ${url}`]) return on[`${method} ${url}`]();
    throw new Error(`unexpected ${method} ${url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo: APP } });
  signIn({ id: 's1', role: 'staff', nickname: '王警官', level: 1, verified: true, departmentId: 'gaj', departmentName: '广州市公安局越秀区分局' });
});

describe('办件办理 · 电子证明', () => {
  it('asks for a reason, then for confirmation, before revoking; cancelling sends nothing', async () => {
    let current = approved;
    serve(() => current, {
      [`POST /v1/staff/documents/${SERIAL}/revoke`]: () => {
        current = { ...approved, documents: [{ ...approved.documents![0], status: 'revoked' }] };
        return ok(view);
      },
    });
    render(<Detail />);
    expect(await screen.findByTestId('staff-document')).toHaveTextContent('有效');
    fireEvent.click(screen.getByText('撤销证明'));

    // too short: the contract's message, nothing asked or sent
    fireEvent.change(screen.getByLabelText('撤销原因'), { target: { value: '有误' } });
    fireEvent.click(screen.getByText('确认撤销'));
    expect(await screen.findByText('请写明撤销原因（至少 4 个字）')).toBeInTheDocument();
    expect(showModal).not.toHaveBeenCalled();

    // asked, and the officer thinks again
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.change(screen.getByLabelText('撤销原因'), { target: { value: '申请人信息有误，需重新出具' } });
    fireEvent.click(screen.getByText('确认撤销'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '撤销证明', content: '撤销后核验将显示已撤销，且不可恢复' });
    await Promise.resolve();
    expect(calls('POST', `/v1/staff/documents/${SERIAL}/revoke`)).toHaveLength(0);

    // confirmed
    fireEvent.click(screen.getByText('确认撤销'));
    await waitFor(() => expect(calls('POST', `/v1/staff/documents/${SERIAL}/revoke`)).toHaveLength(1));
    expect(JSON.parse(calls('POST', `/v1/staff/documents/${SERIAL}/revoke`)[0].data)).toEqual({ reason: '申请人信息有误，需重新出具' });
    await waitFor(() => expect(screen.getByTestId('staff-document')).toHaveTextContent('已撤销'));
    expect(screen.queryByText('撤销证明')).not.toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已撤销证明', icon: 'success' });
  });

  it('issues a certificate for an approved application without one in force', async () => {
    let current: StaffApplicationView = { ...approved, documents: [] };
    serve(() => current, {
      [`POST /v1/applications/${APP}/document`]: () => {
        current = approved;
        return ok({ ...view, status: 'valid' });
      },
    });
    render(<Detail />);
    fireEvent.click(await screen.findByText('出具电子证明'));
    await waitFor(() => expect(calls('POST', `/v1/applications/${APP}/document`)).toHaveLength(1));
    expect(await screen.findByTestId('staff-document')).toHaveTextContent(`证明编号 ${SERIAL}`);
    expect(screen.queryByText('出具电子证明')).not.toBeInTheDocument();
  });

  it('shows no documents section for an item without certificates', async () => {
    serve(() => ({ ...approved, issuesDocument: false, documents: [] }));
    render(<Detail />);
    expect(await screen.findByText('已办结（准予）')).toBeInTheDocument();
    expect(screen.queryByTestId('staff-documents')).not.toBeInTheDocument();
  });
});
