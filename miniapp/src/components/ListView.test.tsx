import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/client';
import type { PagedList } from '../hooks/usePagedList';
import { ListView } from './ListView';

const list = (over: Partial<PagedList<string>> = {}): PagedList<string> => ({
  items: ['甲', '乙'],
  nextCursor: null,
  paged: true,
  loading: false,
  more: false,
  refresh: jest.fn(async () => undefined),
  loadMore: jest.fn(),
  setItems: jest.fn(),
  ...over,
});
const rows = (l: PagedList<string>) =>
  l.items.map((i) => (
    <div key={i} data-testid="row">
      {i}
    </div>
  ));

describe('ListView', () => {
  it('shows 加载中 until the first page, then the rows', () => {
    const l = list({ items: [], loading: true });
    const { rerender } = render(<ListView list={l}>{rows(l)}</ListView>);
    expect(screen.getByRole('status')).toHaveTextContent('加载中');
    const next = list({ loading: true }); // a refresh keeps the rows on screen
    rerender(<ListView list={next}>{rows(next)}</ListView>);
    expect(screen.getAllByTestId('row')).toHaveLength(2);
  });

  it('offers 加载更多 while there is a next page, busy while it loads, and its failure under the rows', () => {
    const l = list({ nextCursor: 'c1', moreError: '网络不太顺畅' });
    const { rerender } = render(<ListView list={l}>{rows(l)}</ListView>);
    fireEvent.click(screen.getByText('加载更多'));
    expect(l.loadMore).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert')).toHaveTextContent('网络不太顺畅');
    expect(screen.queryByText('没有更多了')).not.toBeInTheDocument();
    const busy = list({ nextCursor: 'c1', more: true });
    rerender(<ListView list={busy}>{rows(busy)}</ListView>);
    expect(screen.getByText('加载更多')).toBeDisabled();
  });

  it('says 没有更多了 at the end of a paged list only', () => {
    const paged = list();
    const { rerender } = render(<ListView list={paged}>{rows(paged)}</ListView>);
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
    const whole = list({ paged: false });
    rerender(<ListView list={whole}>{rows(whole)}</ListView>);
    expect(screen.queryByText('没有更多了')).not.toBeInTheDocument();
  });

  it('shows the empty text, or the error with 重试 that asks again', () => {
    const empty = list({ items: [] });
    const { rerender } = render(
      <ListView list={empty} emptyText="暂无待办">
        {rows(empty)}
      </ListView>,
    );
    expect(screen.getByTestId('empty')).toHaveTextContent('暂无待办');
    const failed = list({ items: [], error: new ApiError(500, 'X', '服务繁忙') });
    rerender(<ListView list={failed}>{rows(failed)}</ListView>);
    expect(screen.getByRole('alert')).toHaveTextContent('服务繁忙');
    fireEvent.click(screen.getByText('重试'));
    expect(failed.refresh).toHaveBeenCalled();
  });
});
