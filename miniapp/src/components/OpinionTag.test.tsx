import { render, screen } from '@testing-library/react';
import { OpinionTag } from './OpinionTag';

describe('OpinionTag', () => {
  it.each([
    ['open', '待回复', 'tag-orange'],
    ['agree', '同意', 'tag-green'],
    ['disagree', '不同意', 'tag-red'],
    ['deemed', '逾期视为无意见', 'tag-gray'],
  ] as const)('%s is %s', (status, name, tone) => {
    render(<OpinionTag status={status} />);
    expect(screen.getByTestId('opinion-status')).toHaveTextContent(name);
    expect(screen.getByTestId('opinion-status')).toHaveClass('tag', tone);
  });
});
