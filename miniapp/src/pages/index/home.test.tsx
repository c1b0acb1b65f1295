import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Home from './index';

const request = Taro.request as unknown as jest.Mock;

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  request.mockResolvedValue({ statusCode: 200, data: { items: [], total: 0, nextCursor: null } });
});

describe('首页 and 长辈版 (issue 14)', () => {
  it('offers 长辈版 on a first visit until the person chooses; 不用了 is remembered', () => {
    const { unmount } = render(<Home />);
    expect(screen.getByTestId('elder-offer')).toHaveTextContent('字太小？试试长辈版');
    fireEvent.click(screen.getByText('不用了'));
    expect(screen.queryByTestId('elder-offer')).toBeNull();
    expect(Taro.setStorageSync).toHaveBeenCalledWith('yx.elderMode', false);
    unmount();
    render(<Home />);
    expect(screen.queryByTestId('elder-offer')).toBeNull();
    // the pill in the title row stays, for whoever changes their mind
    expect(screen.getByTestId('elder-pill')).toHaveTextContent('长辈版');
  });

  it('in 长辈版 shows only the five big things older people come for, and the way back', () => {
    render(<Home />);
    fireEvent.click(screen.getByText('开启长辈版'));
    expect(screen.getByTestId('elder-home')).toBeInTheDocument();
    expect(screen.queryByText('按主题找')).toBeNull();
    expect(screen.queryByText('会员专区')).toBeNull();
    const names = ['办事', '进度查询', '我的办件', '预约取号', '一键求助'];
    for (const n of names) expect(screen.getByText(n)).toBeInTheDocument();
    expect(screen.getAllByTestId(/^elder-/).filter((t) => t.getAttribute('role') === 'button')).toHaveLength(5);
    fireEvent.click(screen.getByTestId('elder-appointment'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appointment/index' });
    fireEvent.click(screen.getByTestId('elder-help'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/file/index' });
    fireEvent.click(screen.getByTestId('elder-guide'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/guide/index' });
    fireEvent.click(screen.getByText('切换到标准版'));
    expect(screen.queryByTestId('elder-home')).toBeNull();
    expect(screen.getByText('按主题找')).toBeInTheDocument();
  });

  it('opens 政策超市 and 兑现公示, which anyone may browse (issue 17)', () => {
    render(<Home />);
    fireEvent.click(screen.getByRole('button', { name: '政策超市，惠企政策 · 免申即享' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/index' });
    fireEvent.click(screen.getByRole('button', { name: '兑现公示，政策资金 · 拨付公开' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/disbursements/index' });
  });

  it('opens 预约取号 and 我的预约 (issue 18)', () => {
    render(<Home />);
    fireEvent.click(screen.getByText('预约取号'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appointment/index' });
    fireEvent.click(screen.getByText('我的预约'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appointment/mine/index' });
  });

  it('starts in 长辈版 when WeChat’s text size is large and the person has not chosen', () => {
    (Taro.getAppBaseInfo as jest.Mock).mockReturnValue({ fontSizeScaleFactor: 1.4 });
    render(<Home />);
    expect(screen.getByTestId('elder-home')).toBeInTheDocument();
    (Taro.getAppBaseInfo as jest.Mock).mockReturnValue({ fontSizeScaleFactor: 1 });
  });
});
