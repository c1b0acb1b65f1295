import { fireEvent, render, screen } from '@testing-library/react';
import { Tabs } from './Tabs';

const TABS = [
  { key: 'todo', name: '待办' },
  { key: 'late', name: '督办', className: 'x-tab-late' },
] as const;

describe('Tabs', () => {
  it('marks the current tab and changes on a tap of another', () => {
    const onChange = jest.fn();
    render(<Tabs prefix="x" tabs={TABS} value="todo" onChange={onChange} />);
    expect(screen.getByRole('tablist')).toHaveClass('x-tabs');
    const [todo, late] = screen.getAllByRole('tab');
    expect(todo).toHaveAttribute('aria-selected', 'true');
    expect(todo).toHaveClass('x-tab', 'active');
    expect(late).toHaveAttribute('aria-selected', 'false');
    expect(late).toHaveClass('x-tab', 'x-tab-late');
    expect(late).not.toHaveClass('active');
    fireEvent.click(late);
    expect(onChange).toHaveBeenCalledWith('late');
  });

  it('does nothing on a tap of the current tab', () => {
    const onChange = jest.fn();
    render(<Tabs prefix="x" tabs={TABS} value="todo" onChange={onChange} />);
    fireEvent.click(screen.getByText('待办'));
    expect(onChange).not.toHaveBeenCalled();
  });
});
