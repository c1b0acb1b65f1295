import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Opinions from './index';

const request = Taro.request as unknown as jest.Mock;
const posts = () => request.mock.calls.map((c) => c[0]).filter((o) => o.method === 'POST');
let status = 'open';

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  status = 'open';
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'staff', nickname: '王审批', level: 1, verified: true, departmentId: 'fire' },
  });
  request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    if (method === 'GET' && url === '/v1/staff/opinions') {
      return {
        statusCode: 200,
        data: {
          items: [
            {
              appNo: 'YX20261120000001',
              itemName: '公众聚集场所投入使用前消防安全检查',
              fromDepartmentName: '区市场监管局',
              due: '2026-11-25',
              light: null,
              status: 'agree',
            },
            { appNo: 'YX20261126000123', itemName: '食品经营许可', fromDepartmentName: '区市场监管局', due: '2026-12-01', light: 'yellow', status },
          ],
        },
      };
    }
    if (method === 'POST' && url === '/v1/staff/opinions/YX20261126000123') {
      status = 'disagree';
      return { statusCode: 200, data: { ok: true } };
    }
    throw new Error(`unexpected ${method} ${url}`);
  });
});

describe('并联审批意见', () => {
  it('lists open tasks first; 不同意 needs a reason; the answer is posted and the list reloaded', async () => {
    render(<Opinions />);
    await waitFor(() => expect(screen.getAllByTestId('opinion-task')).toHaveLength(2));
    expect(screen.getAllByTestId('opinion-task')[0]).toHaveTextContent('食品经营许可');
    expect(screen.getAllByTestId('opinion-status').map((t) => t.textContent)).toEqual(['待回复', '同意']);
    expect(screen.getByText(/待回复 1 件/)).toBeInTheDocument();

    fireEvent.click(screen.getByText('填写意见 ›'));
    fireEvent.click(screen.getByText('提交意见'));
    expect(screen.getByText('请选择同意或不同意')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '不同意' }));
    fireEvent.click(screen.getByText('提交意见'));
    expect(screen.getByText('不同意时请写明理由（至少 2 个字）')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('不同意的理由（必填）'), { target: { value: ' 疏散通道宽度不足 ' } });
    fireEvent.click(screen.getByText('提交意见'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(JSON.parse(posts()[0].data)).toEqual({ decision: 'disagree', reason: '疏散通道宽度不足' });
    await waitFor(() => expect(screen.getAllByTestId('opinion-status').map((t) => t.textContent)).toEqual(['同意', '不同意']));
    expect(screen.queryByTestId('opinion-form')).not.toBeInTheDocument();
  });
});
