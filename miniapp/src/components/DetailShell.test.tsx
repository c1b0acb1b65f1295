import { render, screen, fireEvent } from '@testing-library/react';
import { ApiError } from '../api/client';
import type { ActedDetail } from '../hooks/useActedDetail';
import { DetailHead, DetailShell } from './DetailShell';

const detail = (over: Partial<ActedDetail<{ name: string }>> = {}): ActedDetail<{ name: string }> => ({
  state: { loading: false, reload: jest.fn() },
  reload: jest.fn(),
  onDone: jest.fn(),
  onError: jest.fn(),
  ...over,
});

describe('DetailShell', () => {
  it('says it is loading, then shows the body with the object', () => {
    const { rerender } = render(<DetailShell detail={detail({ state: { loading: true, reload: jest.fn() } })}>{(d) => <div>{d.name}</div>}</DetailShell>);
    expect(screen.getByRole('status')).toHaveTextContent('加载中');
    rerender(<DetailShell detail={detail({ d: { name: '食品经营许可' } })}>{(d) => <div>{d.name}</div>}</DetailShell>);
    expect(screen.getByText('食品经营许可')).toBeInTheDocument();
  });

  it('shows the error with 重试 when nothing could be loaded, and keeps the object on a failed reload', () => {
    const failed = detail({ state: { loading: false, error: new ApiError(404, 'NOT_FOUND', '办件不存在'), reload: jest.fn() } });
    const { rerender } = render(<DetailShell detail={failed}>{(d) => <div>{d.name}</div>}</DetailShell>);
    expect(screen.getByRole('alert')).toHaveTextContent('办件不存在');
    fireEvent.click(screen.getByText('重试'));
    expect(failed.reload).toHaveBeenCalled();
    rerender(<DetailShell detail={{ ...failed, d: { name: '仍在' } }}>{(d) => <div>{d.name}</div>}</DetailShell>);
    expect(screen.getByText('仍在')).toBeInTheDocument();
    expect(screen.queryByText('办件不存在')).not.toBeInTheDocument();
  });

  it('says why the object was reloaded (someone else acted first)', () => {
    render(<DetailShell detail={detail({ d: { name: '工单' }, notice: '该工单已由谭队签收' })}>{(d) => <div>{d.name}</div>}</DetailShell>);
    expect(screen.getByTestId('conflict')).toHaveTextContent('该工单已由谭队签收');
  });
});

describe('DetailHead', () => {
  it('shows the title, the lines and the tags', () => {
    render(
      <DetailHead title="食品经营许可" lines={['区市场监管局', '办件编号 YX1']}>
        <span>审查中</span>
      </DetailHead>,
    );
    expect(screen.getByText('食品经营许可')).toHaveClass('detail-title');
    expect(screen.getAllByText(/区市场监管局|办件编号/).map((e) => e.className)).toEqual(['detail-sub', 'detail-sub']);
    expect(screen.getByText('审查中')).toBeInTheDocument();
  });
});
