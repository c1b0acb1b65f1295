import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { signIn } from '../../../../test/session';
import Org from './index';

const request = Taro.request as unknown as jest.Mock;
const ORG = {
  departments: [{ id: 'police', name: '广州市公安局越秀区分局', shortName: '越秀公安分局', phone: '020-83116110', address: '解放北路863号' }],
  streets: [
    { id: 'beijing', name: '北京街道', grids: ['府前社区'] },
    { id: 'huale', name: '华乐街道', grids: [] },
  ],
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  signIn({ id: 'u-admin', role: 'admin', nickname: '管理员', level: 1, verified: false });
});

describe('组织架构', () => {
  it('edits a street’s grids and saves the list; a new department is checked before it is sent', async () => {
    request.mockImplementation(async ({ url, method, data }: { url: string; method: string; data?: string }) => {
      if (method === 'GET' && url === '/v1/admin/org') return { statusCode: 200, data: ORG };
      if (method === 'PUT' && url === '/v1/admin/org/streets/beijing/grids')
        return { statusCode: 200, data: { ...ORG, streets: [{ id: 'beijing', name: '北京街道', grids: JSON.parse(data!).grids }, ORG.streets[1]] } };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Org />);
    fireEvent.click(await screen.findByText('北京街道'));
    fireEvent.click(screen.getByLabelText('删除府前社区'));
    fireEvent.change(screen.getByLabelText('新增社区（网格）'), { target: { value: '盐运西社区' } });
    fireEvent.click(screen.getByText('＋ 加入名单'));
    fireEvent.click(screen.getByText('保存网格名单'));
    await waitFor(() => expect(request.mock.calls.filter((c) => c[0].method === 'PUT')).toHaveLength(1));
    expect(JSON.parse(request.mock.calls.find((c) => c[0].method === 'PUT')![0].data)).toEqual({ grids: ['盐运西社区'] });
    expect(await screen.findByText('1 个网格 ›')).toBeInTheDocument();
    expect(screen.getByText('未登记网格 ›')).toBeInTheDocument();

    fireEvent.click(screen.getByText('＋ 新增部门'));
    fireEvent.click(screen.getByText('新增部门'));
    expect(await screen.findByText('请填写部门全称')).toBeInTheDocument();
    expect(request.mock.calls.filter((c) => c[0].method === 'POST')).toHaveLength(0);
  });
});
