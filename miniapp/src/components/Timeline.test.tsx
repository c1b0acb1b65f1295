import { render, screen } from '@testing-library/react';
import { formatDate, formatDateTime, formatDay, Timeline } from './Timeline';

describe('Timeline', () => {
  it('formats times in Shanghai (UTC+8) by hand', () => {
    const now = new Date('2026-11-26T08:00:00Z');
    expect(formatDateTime('2026-11-26T06:05:00Z', now)).toBe('11月26日 14:05');
    expect(formatDateTime('2026-11-26T16:30:00.000Z', now)).toBe('11月27日 00:30'); // past midnight in Shanghai
    expect(formatDateTime('2025-12-31T16:00:00Z', now)).toBe('1月1日 00:00'); // new year in Shanghai, same year as now
    expect(formatDateTime('2025-12-31T15:59:00Z', now)).toBe('2025年12月31日 23:59');
    expect(formatDate('2026-11-25T17:00:00Z')).toBe('2026年11月26日');
    expect(formatDay('2026-12-03')).toBe('2026年12月3日');
  });

  it('lists entries newest first, the latest highlighted, actors as tags', () => {
    render(
      <Timeline
        entries={[
          { at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' },
          { at: '2026-11-27T01:00:00Z', actor: '区市场监管局', action: '受理', note: '材料齐全，予以受理' },
        ]}
      />,
    );
    const rows = screen.getAllByTestId('timeline-entry');
    expect(rows[0]).toHaveTextContent('受理');
    expect(rows[0]).toHaveClass('latest');
    expect(rows[1]).not.toHaveClass('latest');
    expect(rows[1]).toHaveTextContent('提交申请');
    expect(screen.getByText('区市场监管局')).toHaveClass('tag');
    expect(screen.getByText('材料齐全，予以受理')).toHaveClass('muted');
  });
});
