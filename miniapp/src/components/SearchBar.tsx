import { Input, View } from '@tarojs/components';
import { ErrorLine } from './ErrorLine';
import './SearchBar.css';

export interface SearchBarProps {
  /** What the box is for, read out by screen readers (搜索政策, 企业名称或统一社会信用代码…). */
  label: string;
  placeholder: string;
  value: string;
  onInput: (value: string) => void;
  onSearch: () => void;
  /** The words whose results are on screen: while the box still holds them, the button clears them (清除). */
  shown?: string;
  onClear?: () => void;
  /** 搜索 unless said (查询 where one looks a thing up by name or number). */
  buttonText?: string;
  maxlength?: number;
  /** Why the last search was refused: a red line under the bar, and the bar's border red. */
  error?: string;
  /** `${testId}` is the button, `${testId}-input` the box, `${testId}-error` the line. */
  testId?: string;
}

/** The search bar of a list page: a rounded box, 搜索 (or 清除 once searched), the keyboard's 搜索 key, and why it was refused. */
export function SearchBar({
  label,
  placeholder,
  value,
  onInput,
  onSearch,
  shown,
  onClear,
  buttonText = '搜索',
  maxlength = 30,
  error,
  testId,
}: SearchBarProps) {
  const clears = Boolean(onClear && shown && value === shown);
  return (
    <View className="search-bar">
      <View className={`search-box ${error ? 'search-box-error' : ''}`}>
        <Input
          className="search-input"
          placeholder={placeholder}
          value={value}
          confirmType="search"
          maxlength={maxlength}
          onInput={(e) => onInput(e.detail.value)}
          onConfirm={onSearch}
          aria-label={label}
          nativeProps={{ 'aria-label': label, 'data-testid': testId && `${testId}-input` }}
        />
        {clears ? (
          <View className="search-btn tap" role="button" aria-label="清除搜索词" onClick={onClear}>
            清除
          </View>
        ) : (
          <View className="search-btn tap" role="button" data-testid={testId} onClick={onSearch}>
            {buttonText}
          </View>
        )}
      </View>
      <ErrorLine error={error} testId={testId && `${testId}-error`} />
    </View>
  );
}
