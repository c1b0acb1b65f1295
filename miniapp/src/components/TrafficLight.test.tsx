import { render, screen } from '@testing-library/react';
import { TrafficLight } from './TrafficLight';

const litLamps = () =>
  screen
    .queryAllByTestId(/^lamp-/)
    .filter((l) => l.getAttribute('data-on') === 'true')
    .map((l) => l.getAttribute('data-testid'));

describe('TrafficLight', () => {
  it('lights the green lamp with the days left', () => {
    render(<TrafficLight light="green" remainingDays={4} />);
    expect(litLamps()).toEqual(['lamp-green']);
    expect(screen.getByText('正常')).toBeInTheDocument();
    expect(screen.getByText('剩余 4 个工作日')).toBeInTheDocument();
    expect(screen.getByRole('img')).toHaveAttribute('aria-label', '办理时限：正常，剩余 4 个工作日');
  });

  it('lights the yellow lamp near the limit, and says so on the last day', () => {
    const { rerender } = render(<TrafficLight light="yellow" remainingDays={1} />);
    expect(litLamps()).toEqual(['lamp-yellow']);
    expect(screen.getByText('临近时限')).toBeInTheDocument();
    expect(screen.getByText('剩余 1 个工作日')).toBeInTheDocument();
    rerender(<TrafficLight light="yellow" remainingDays={0} />);
    expect(screen.getByText('今日到期')).toBeInTheDocument();
  });

  it('lights the red lamp with the days over the limit', () => {
    render(<TrafficLight light="red" remainingDays={-2} />);
    expect(litLamps()).toEqual(['lamp-red']);
    expect(screen.getByText('已超时')).toBeInTheDocument();
    expect(screen.getByText('已超时 2 个工作日')).toBeInTheDocument();
  });

  it('is grey with no lamp lit when the clock does not run', () => {
    const { rerender } = render(<TrafficLight light={null} remainingDays={null} />);
    expect(litLamps()).toEqual([]);
    expect(screen.getByText('计时暂停/已结束')).toBeInTheDocument();
    expect(screen.getByTestId('traffic-light')).toHaveAttribute('data-light', 'off');
    rerender(<TrafficLight light={null} remainingDays={null} state="supplement" />);
    expect(screen.getByText('计时暂停（待补正）')).toBeInTheDocument();
  });

  it('has a small form with one dot and a short text', () => {
    render(<TrafficLight small light="red" remainingDays={-3} />);
    expect(screen.queryAllByTestId(/^lamp-/)).toHaveLength(0);
    expect(screen.getByTestId('traffic-light')).toHaveAttribute('data-light', 'red');
    expect(screen.getByText('已超时 3 个工作日')).toBeInTheDocument();
    expect(screen.getByRole('img')).toHaveAttribute('aria-label', '办理时限：已超时，已超时 3 个工作日');
  });

  it('keeps the grey small form short in list rows', () => {
    const { rerender } = render(<TrafficLight small light={null} remainingDays={null} state="supplement" />);
    expect(screen.getByText('计时暂停')).toBeInTheDocument();
    rerender(<TrafficLight small light={null} remainingDays={null} state="delivered" />);
    expect(screen.getByText('已结束')).toBeInTheDocument();
  });
});
