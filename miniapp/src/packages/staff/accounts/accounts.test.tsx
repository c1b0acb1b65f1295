import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Accounts from './index';
import Invitation from '../../account/invitation/index';

const request = Taro.request as unknown as jest.Mock;
const sent = (method: string, url: string) => request.mock.calls.map((c) => c[0]).filter((o) => o.method === method && o.url === url);
const login = (role: 'admin' | 'resident') =>
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '管理员', level: 2, verified: true } });
const officer = (over: Record<string, unknown> = {}) => ({
  id: 'u-staff-police',
  nickname: '户政窗口 黄警官',
  role: 'staff',
  postingName: '越秀公安分局',
  departmentId: 'police',
  disabled: false,
  updatedAt: '2026-11-30T02:00:00.000Z',
  ...over,
});

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
});

describe('工作人员 (admin)', () => {
  it('invites with a role and department and shows the code once; disables an officer after confirmation', async () => {
    login('admin');
    let staff = [officer()];
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url.startsWith('/v1/admin/staff')) return { statusCode: 200, data: { items: staff, nextCursor: null } };
      if (method === 'GET' && url === '/v1/admin/invitations') return { statusCode: 200, data: { items: [] } };
      if (method === 'GET' && url === '/v1/admin/org')
        return {
          statusCode: 200,
          data: { departments: [{ id: 'police', name: '广州市公安局越秀区分局', shortName: '越秀公安分局', phone: '', address: '' }], streets: [] },
        };
      if (method === 'POST' && url === '/v1/admin/invitations')
        return {
          statusCode: 201,
          data: {
            code: 'ABCD-EFGH',
            invitation: {
              id: 'i1',
              displayName: '户政窗口 新警官',
              role: 'staff',
              postingName: '越秀公安分局',
              createdAt: '',
              expiresAt: '2026-12-07T00:00:00.000Z',
              status: 'pending',
            },
          },
        };
      if (method === 'PUT' && url === '/v1/admin/staff/u-staff-police') {
        staff = [officer({ disabled: true })];
        return { statusCode: 200, data: staff[0] };
      }
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Accounts />);
    expect(await screen.findByTestId('staff-u-staff-police')).toHaveTextContent('在岗');
    fireEvent.change(screen.getByLabelText('称呼（显示在办件记录中）'), { target: { value: '户政窗口 新警官' } });
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(await screen.findByText('请选择岗位（部门、街道或社区）')).toBeInTheDocument(); // no department chosen yet
    fireEvent.click(await screen.findByLabelText('越秀公安分局'));
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(await screen.findByTestId('invite-code')).toHaveTextContent('ABCD-EFGH');
    expect(JSON.parse(sent('POST', '/v1/admin/invitations')[0].data)).toEqual({
      displayName: '户政窗口 新警官',
      posting: { role: 'staff', departmentId: 'police' },
    });

    fireEvent.click(screen.getByText('停用账号'));
    await waitFor(() => expect(sent('PUT', '/v1/admin/staff/u-staff-police')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '停用账号' }));
    expect(JSON.parse(sent('PUT', '/v1/admin/staff/u-staff-police')[0].data)).toEqual({ disabled: true });
    expect(await screen.findByText('已停用')).toBeInTheDocument();
  });

  it('is for admins only', () => {
    login('resident');
    render(<Accounts />);
    expect(screen.getByTestId('role-gate')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });
});

describe('工作人员邀请码', () => {
  it('takes a loosely typed code and saves the new session', async () => {
    login('resident');
    request.mockResolvedValue({
      statusCode: 200,
      data: {
        token: 't2',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        user: { id: 'u1', role: 'staff', nickname: '户政窗口 新警官', level: 2, verified: true },
      },
    });
    render(<Invitation />);
    fireEvent.change(screen.getByLabelText('邀请码'), { target: { value: 'abcd-efgh' } });
    fireEvent.click(screen.getByText('开通工作人员账号'));
    await waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    expect(JSON.parse(request.mock.calls[0][0].data)).toEqual({ code: 'ABCDEFGH' });
    await waitFor(() => expect((Taro.getStorageSync('yx.session') as { token: string }).token).toBe('t2'));
  });
});
