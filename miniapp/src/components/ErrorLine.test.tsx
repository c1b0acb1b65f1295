import { render, screen } from '@testing-library/react';
import { ErrorLine } from './ErrorLine';

describe('ErrorLine', () => {
  it('shows the message as an alert', () => {
    render(<ErrorLine error="请先选择一个评价" testId="x-error" />);
    expect(screen.getByRole('alert')).toHaveTextContent('请先选择一个评价');
    expect(screen.getByTestId('x-error')).toHaveClass('error-text');
  });

  it('renders nothing without a message', () => {
    const { container } = render(<ErrorLine error={undefined} />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
