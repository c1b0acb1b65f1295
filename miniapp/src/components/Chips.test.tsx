import { fireEvent, render, screen } from '@testing-library/react';
import { Chips } from './Chips';

describe('Chips', () => {
  it('shows one choice as checked and reports a tap', () => {
    const onChange = jest.fn();
    render(
      <Chips
        label="红黄绿灯筛选"
        value="all"
        onChange={onChange}
        options={[
          { value: 'all', label: '全部' },
          { value: 'red', label: '红灯', tone: 'red' },
        ]}
      />,
    );
    expect(screen.getByRole('radiogroup', { name: '红黄绿灯筛选' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '全部' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: '红灯' })).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByRole('radio', { name: '红灯' })).toHaveClass('chip', 'red');
    fireEvent.click(screen.getByRole('radio', { name: '红灯' }));
    expect(onChange).toHaveBeenCalledWith('red');
  });
});
