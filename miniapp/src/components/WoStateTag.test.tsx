import { render, screen } from '@testing-library/react';
import { WoStateTag } from './WoStateTag';

describe('WoStateTag', () => {
  it.each([
    ['dispatched', 'tag-orange'],
    ['in_progress', 'tag-blue'],
    ['resolved', 'tag-green'],
    ['closed', 'tag-gray'],
  ] as const)('%s is %s', (state, tone) => {
    render(<WoStateTag state={state} name="状态名" />);
    expect(screen.getByTestId('wo-state')).toHaveTextContent('状态名');
    expect(screen.getByTestId('wo-state')).toHaveClass('tag', tone);
  });
});
