import { fireEvent, render, screen } from '@testing-library/react';
import { SendButton } from './SendButton';

describe('SendButton', () => {
  it('shows the last failure above the button and sends on a tap', () => {
    const onClick = jest.fn();
    render(
      <SendButton className="btn" error="网络不太顺畅" errorTestId="send-error" testId="send" busy={false} onClick={onClick}>
        提交
      </SendButton>,
    );
    expect(screen.getByTestId('send-error')).toHaveTextContent('网络不太顺畅');
    const button = screen.getByTestId('send');
    expect(button).not.toHaveAttribute('disabled');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is disabled while busy or while something else runs, with no error line', () => {
    const { rerender } = render(
      <SendButton className="btn" testId="send" busy onClick={jest.fn()}>
        提交
      </SendButton>,
    );
    expect(screen.getByTestId('send')).toHaveAttribute('disabled');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rerender(
      <SendButton className="btn" testId="send" busy={false} disabled onClick={jest.fn()}>
        提交
      </SendButton>,
    );
    expect(screen.getByTestId('send')).toHaveAttribute('disabled');
  });
});
