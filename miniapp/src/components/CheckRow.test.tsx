import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { CheckRow } from './CheckRow';

function Agreement() {
  const [on, setOn] = useState(false);
  return <CheckRow label="本企业已阅读并签署以上承诺" checked={on} onToggle={() => setOn(!on)} testId="agree" />;
}

describe('CheckRow', () => {
  it('is a checkbox named by its words that the whole row ticks and unticks', () => {
    render(<Agreement />);
    const box = screen.getByRole('checkbox', { name: '本企业已阅读并签署以上承诺' });
    expect(box).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(screen.getByText('本企业已阅读并签署以上承诺'));
    expect(box).toHaveAttribute('aria-checked', 'true');
    expect(box.querySelector('.check-box')).toHaveClass('on');
    fireEvent.click(box);
    expect(box).toHaveAttribute('aria-checked', 'false');
    expect(box.querySelector('.check-box')).not.toHaveClass('on');
  });
});
