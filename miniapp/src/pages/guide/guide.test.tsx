import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import GuideList from './index';

const request = Taro.request as unknown as jest.Mock;
const item = (id: string, name: string) => ({
  id,
  name,
  code: '440104SC0001',
  departmentId: 'market',
  departmentName: '区市场监管局',
  audience: ['enterprise'],
  themes: ['startup'],
  summary: '',
  promisedDays: 0,
  statutoryDays: 3,
  visits: 0,
  online: true,
  popularity: 1,
  keywords: [],
});

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  request.mockImplementation(async ({ url }: { url: string }) => {
    if (url.startsWith('/v1/departments')) return { statusCode: 200, data: { items: [] } };
    if (url.includes('q=')) return { statusCode: 200, data: { items: [], total: 0, nextCursor: null } };
    return { statusCode: 200, data: { items: [item('a', '企业设立登记'), item('b', '食品经营许可')], total: 2, nextCursor: null } };
  });
});

describe('办事指南 list', () => {
  it('lists items, then tells a person when a search finds nothing and how to rephrase', async () => {
    render(<GuideList />);
    expect(await screen.findByText('企业设立登记')).toBeInTheDocument();
    expect(screen.getByText('共 2 个事项')).toBeInTheDocument();
    const input = screen.getByLabelText('搜索办事事项');
    fireEvent.change(input, { target: { value: '火星签证' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByText(/没有找到与“火星签证”相关的事项/)).toBeInTheDocument();
    const lastUrl = request.mock.calls.at(-1)![0].url as string;
    expect(decodeURIComponent(lastUrl)).toContain('q=火星签证');
  });

  it('shows the server message and a retry button when loading fails', async () => {
    request.mockImplementation(async ({ url }: { url: string }) =>
      url.startsWith('/v1/departments')
        ? { statusCode: 200, data: { items: [] } }
        : { statusCode: 500, data: { error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } } },
    );
    render(<GuideList />);
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
    request.mockImplementation(async () => ({ statusCode: 200, data: { items: [item('a', '企业设立登记')], total: 1, nextCursor: null } }));
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getByText('企业设立登记')).toBeInTheDocument());
  });

  it('names a theme filter the person may no longer see, says so when a search finds nothing, and lets them drop it', async () => {
    render(<GuideList />);
    expect(await screen.findByText('企业设立登记')).toBeInTheDocument();
    expect(screen.queryByTestId('active-filters')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('户籍居住'));
    expect(await screen.findByTestId('active-filters')).toHaveTextContent('主题：户籍居住');
    const input = screen.getByLabelText('搜索办事事项');
    fireEvent.change(input, { target: { value: '居住证' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByText(/当前按“主题：户籍居住”筛选/)).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('取消筛选 主题：户籍居住'));
    await waitFor(() => expect(screen.queryByTestId('active-filters')).not.toBeInTheDocument());
    const lastUrl = decodeURIComponent(request.mock.calls.at(-1)![0].url as string);
    expect(lastUrl).toContain('q=居住证');
    expect(lastUrl).not.toContain('theme=');
  });

  it('finds 长辈版 by its name in search and switches it on there', async () => {
    render(<GuideList />);
    const input = screen.getByLabelText('搜索办事事项');
    fireEvent.change(input, { target: { value: '长辈版' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByTestId('elder-offer')).toBeInTheDocument();
    fireEvent.click(screen.getByText('开启长辈版'));
    expect(Taro.setStorageSync).toHaveBeenCalledWith('yx.elderMode', true);
    expect(screen.getByText('长辈版已开启')).toBeInTheDocument();
  });
});
