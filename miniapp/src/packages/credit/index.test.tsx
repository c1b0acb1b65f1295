import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { creditApi } from '../../api/credit';
import CreditSearch from './index';
import { apiError, resetTaro, TANGSHUI } from './parts/testing';

jest.mock('../../api/credit', () => ({
  ...jest.requireActual('../../api/credit'),
  creditApi: { search: jest.fn() },
}));
const api = creditApi as unknown as Record<'search', jest.Mock>;

beforeEach(() => {
  resetTaro();
  api.search.mockReset();
});

const type = (v: string) => fireEvent.change(screen.getByLabelText('企业名称或统一社会信用代码'), { target: { value: v } });

describe('信用查询', () => {
  it('needs two characters; finds firms with their grade badge, and a tap opens the merchant page (no login)', async () => {
    api.search.mockResolvedValue({
      items: [
        { creditCode: TANGSHUI, name: '广州越秀北京路陈记糖水有限公司', grade: 'B', street: '北京街道' },
        { creditCode: '91440104MA5CXK1P06', name: '广州越秀粤味餐饮有限公司', grade: 'A' },
      ],
      more: false,
    });
    render(<CreditSearch />);
    fireEvent.click(screen.getByTestId('credit-search'));
    expect(await screen.findByTestId('credit-search-error')).toHaveTextContent('请输入企业名称或统一社会信用代码');
    type('糖');
    fireEvent.click(screen.getByTestId('credit-search'));
    expect(screen.getByTestId('credit-search-error')).toHaveTextContent('请至少输入两个字');
    expect(api.search).not.toHaveBeenCalled();

    type(' 糖水 ');
    fireEvent.click(screen.getByTestId('credit-search'));
    const row = await screen.findByTestId(`firm-${TANGSHUI}`);
    expect(api.search).toHaveBeenCalledWith('糖水');
    expect(screen.queryByTestId('credit-search-error')).toBeNull();
    expect(row).toHaveTextContent('广州越秀北京路陈记糖水有限公司');
    expect(row).toHaveTextContent('北京街道');
    const badge = within(row).getByTestId('grade-badge');
    expect(badge).toHaveTextContent('B 级 · 信用良好');
    expect(badge.querySelector('.cr-grade-letter')).toHaveStyle({ background: '#1d6fd1' });
    expect(within(screen.getByTestId('firm-91440104MA5CXK1P06')).getByTestId('grade-badge')).toHaveTextContent('A 级 · 诚信经营');
    expect(screen.queryByTestId('credit-search-more')).toBeNull();
    // the typed words stay in the box
    expect(screen.getByLabelText('企业名称或统一社会信用代码')).toHaveValue(' 糖水 ');

    fireEvent.click(row);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/credit/merchant/index?code=${TANGSHUI}` });
  });

  it('asks for more of the name when more firms match than shown', async () => {
    api.search.mockResolvedValue({ items: [{ creditCode: TANGSHUI, name: '广州越秀北京路陈记糖水有限公司', grade: 'B' }], more: true });
    render(<CreditSearch />);
    type('广州');
    fireEvent.click(screen.getByTestId('credit-search'));
    expect(await screen.findByTestId('credit-search-more')).toHaveTextContent('结果较多，请输入更完整的名称');
  });

  it('says when nothing matches, and a failure with 重试', async () => {
    api.search.mockResolvedValueOnce({ items: [], more: false });
    render(<CreditSearch />);
    type('不存在的名字');
    fireEvent.click(screen.getByTestId('credit-search'));
    expect(await screen.findByTestId('empty')).toHaveTextContent('没有找到“不存在的名字”');

    api.search.mockRejectedValueOnce(apiError(0, '网络不太顺畅，请检查网络后重试', 'NETWORK'));
    type('糖水');
    fireEvent.click(screen.getByTestId('credit-search'));
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeInTheDocument();
    api.search.mockResolvedValueOnce({ items: [{ creditCode: TANGSHUI, name: '广州越秀北京路陈记糖水有限公司', grade: 'B' }], more: false });
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getByTestId(`firm-${TANGSHUI}`)).toBeInTheDocument());
    expect(api.search).toHaveBeenLastCalledWith('糖水');
  });

  it('links to the rules before a search', () => {
    render(<CreditSearch />);
    fireEvent.click(screen.getByTestId('credit-rules-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/credit/rules/index' });
  });
});
