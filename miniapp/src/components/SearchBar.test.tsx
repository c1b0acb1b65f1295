import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { SearchBar } from './SearchBar';

function Finder({ onSearch, refuse }: { onSearch: (q: string) => void; refuse?: boolean }) {
  const [typed, setTyped] = useState('');
  const [shown, setShown] = useState<string>();
  const [error, setError] = useState<string>();
  const search = () => {
    if (refuse && typed.trim().length < 2) return setError('请至少输入两个字');
    setError(undefined);
    setShown(typed);
    onSearch(typed);
  };
  return (
    <SearchBar
      label="搜索政策"
      placeholder="搜索政策名称"
      value={typed}
      onInput={setTyped}
      onSearch={search}
      shown={shown}
      onClear={() => {
        setTyped('');
        setShown(undefined);
        onSearch('');
      }}
      error={error}
      testId="find"
    />
  );
}

const box = () => screen.getByLabelText('搜索政策');
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });

describe('SearchBar', () => {
  it('searches what was typed, by the button or the keyboard; once its results are shown the button clears them', () => {
    const searched: string[] = [];
    render(<Finder onSearch={(q) => searched.push(q)} />);
    type('高新技术');
    fireEvent.click(screen.getByTestId('find'));
    expect(searched).toEqual(['高新技术']);
    expect(screen.queryByTestId('find')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '清除搜索词' }));
    expect(searched).toEqual(['高新技术', '']);
    expect(screen.getByTestId('find')).toHaveTextContent('搜索');
    type('人才');
    fireEvent.keyDown(box(), { key: 'Enter' }); // the keyboard's 搜索 key
    expect(searched).toEqual(['高新技术', '', '人才']);
  });

  it('says why a search was refused, in a line read out at once, with the bar marked', () => {
    render(<Finder onSearch={() => undefined} refuse />);
    type('高');
    fireEvent.click(screen.getByTestId('find'));
    expect(screen.getByRole('alert')).toHaveTextContent('请至少输入两个字');
    expect(screen.getByTestId('find-error')).toBeInTheDocument();
    expect(document.querySelector('.search-box')).toHaveClass('search-box-error');
  });
});
