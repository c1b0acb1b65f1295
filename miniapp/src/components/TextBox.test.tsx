import { fireEvent, render, screen } from '@testing-library/react';
import { TextBox } from './TextBox';

describe('TextBox', () => {
  it('counts what is typed, cuts at the limit and shows its error', () => {
    const onInput = jest.fn();
    render(<TextBox label="督办意见" value="请尽快" onInput={onInput} max={5} error="至少 2 个字" />);
    expect(screen.getByText('督办意见')).toBeInTheDocument();
    expect(screen.getByText('3/5')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('督办意见'), { target: { value: '请尽快办结并说明' } });
    expect(onInput).toHaveBeenCalledWith('请尽快办结');
    expect(screen.getByRole('alert')).toHaveTextContent('至少 2 个字');
  });

  it('can hide its label (the section title says it) and keeps it for screen readers', () => {
    render(<TextBox label="处理进展" hideLabel value="" onInput={() => undefined} max={300} />);
    expect(screen.queryByText('处理进展')).not.toBeInTheDocument();
    expect(screen.getByLabelText('处理进展')).toBeInTheDocument();
  });
});
