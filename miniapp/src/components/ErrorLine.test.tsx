import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
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

  it('brings the first error into view when errors appear, once for several (every form, issue 14)', async () => {
    const scroll = Taro.pageScrollTo as jest.Mock;
    await new Promise((r) => setTimeout(r, 80)); // the tests above showed errors too
    scroll.mockClear();
    const { rerender } = render(
      <>
        <ErrorLine error={undefined} />
        <ErrorLine error={undefined} />
      </>,
    );
    await new Promise((r) => setTimeout(r, 80));
    expect(scroll).not.toHaveBeenCalled();
    rerender(
      <>
        <ErrorLine error="请填写姓名" />
        <ErrorLine error="身份证号码有误，请核对最后一位" />
      </>,
    );
    await waitFor(() => expect(scroll).toHaveBeenCalledTimes(1));
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.error-text' }));
  });
});
