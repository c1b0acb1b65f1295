import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/client';
import { StateView } from './StateView';

describe('StateView', () => {
  it('says it is loading before anything else', () => {
    render(
      <StateView loading error={new ApiError(500, 'X', '坏了')}>
        <div>内容</div>
      </StateView>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('加载中');
    expect(screen.queryByText('内容')).not.toBeInTheDocument();
  });

  it('shows the server message with 重试', () => {
    const retry = jest.fn();
    render(
      <StateView error={new ApiError(503, 'X', '网络不太顺畅')} onRetry={retry}>
        <div>内容</div>
      </StateView>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('网络不太顺畅');
    fireEvent.click(screen.getByText('重试'));
    expect(retry).toHaveBeenCalledWith();
  });

  it('says when there is nothing, in the page words, else shows the children', () => {
    const { rerender } = render(
      <StateView empty emptyText={<span>还没有记录</span>}>
        <div>内容</div>
      </StateView>,
    );
    expect(screen.getByTestId('empty')).toHaveTextContent('还没有记录');
    rerender(
      <StateView>
        <div>内容</div>
      </StateView>,
    );
    expect(screen.getByText('内容')).toBeInTheDocument();
  });
});
