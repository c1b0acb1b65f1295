import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { creditApi } from '../../../api/credit';
import { licence, rating, record, resetTaro, route, TANGSHUI } from '../parts/testing';
import CreditRecords from './index';

jest.mock('../../../api/credit', () => ({
  ...jest.requireActual('../../../api/credit'),
  creditApi: { records: jest.fn(), ratings: jest.fn() },
}));
const api = creditApi as unknown as Record<'records' | 'ratings', jest.Mock>;

beforeEach(() => {
  resetTaro();
  Object.values(api).forEach((f) => f.mockReset());
});

describe('信用信息', () => {
  it('opens on the kind named, pages newest first with the server’s cursor, and switches kind by tab', async () => {
    route({ code: TANGSHUI, kind: 'penalty', name: encodeURIComponent('广州越秀北京路陈记糖水有限公司') });
    api.records.mockImplementation(async (_code: string, kind: string, cursor?: string) =>
      kind === 'penalty'
        ? cursor
          ? { items: [record({ id: 'r_p20250101_old', title: '较早的处罚' })] }
          : { items: [record()], cursor: 'c1' }
        : { items: [licence()] },
    );
    render(<CreditRecords />);
    expect(await screen.findByTestId('record-r_p20260615_ts4')).toHaveTextContent('餐饮具清洗消毒不符合要求');
    expect(screen.getByTestId('records-firm')).toHaveTextContent('广州越秀北京路陈记糖水有限公司');
    expect(screen.getByRole('tab', { name: '行政处罚' })).toHaveAttribute('aria-selected', 'true');
    expect(api.records).toHaveBeenCalledWith(TANGSHUI, 'penalty', undefined);
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByTestId('record-r_p20250101_old')).toBeInTheDocument();
    expect(api.records).toHaveBeenLastCalledWith(TANGSHUI, 'penalty', 'c1');
    expect(screen.getByText('没有更多了')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('tab', { name: '行政许可' }));
    expect(await screen.findByTestId('record-r_l20250315_ts1')).toHaveTextContent('有效');
    expect(api.records).toHaveBeenLastCalledWith(TANGSHUI, 'licence', undefined);
  });

  it('shows every rating on its tab, and says when a kind has none', async () => {
    route({ code: TANGSHUI, kind: 'ratings' });
    api.ratings.mockResolvedValue({ items: [rating(), rating({ id: 'rt_00mabc999zzz', stars: 2, tags: ['价格偏高'] })] });
    api.records.mockResolvedValue({ items: [] });
    render(<CreditRecords />);
    expect(await screen.findByTestId('rating-rt_00mabc999zzz')).toHaveTextContent('价格偏高');
    expect(api.ratings).toHaveBeenCalledWith(TANGSHUI, undefined);
    fireEvent.click(screen.getByRole('tab', { name: '守信激励' }));
    await waitFor(() => expect(screen.getByTestId('empty')).toHaveTextContent('暂无守信激励信息'));
  });
});
