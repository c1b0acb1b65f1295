import { Input, View } from '@tarojs/components';
import { queryTerms } from '@yx/shared';
import { useState } from 'react';
import { publicationsApi, staffPublicationsApi, type PublicationSummary } from '../../../../api/publications';
import { ErrorLine } from '../../../../components/ErrorLine';
import { StateView } from '../../../../components/StateView';
import { useAsync } from '../../../../hooks/useAsync';

/**
 * 所解读的政策文件 (政策解读 only): the published policy documents, newest first, or found by words (any department's:
 * a 解读 may explain another department's document). The chosen one is shown with 更换.
 */
export function PolicyPicker({
  value,
  onChange,
  error,
}: {
  value?: { id: string; title: string };
  onChange: (p: { id: string; title: string }) => void;
  error?: string;
}) {
  const [open, setOpen] = useState(!value);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const found = useAsync<{ items: PublicationSummary[] }>(
    () => (!open ? Promise.resolve({ items: [] }) : q ? publicationsApi.search(q, 'policy') : staffPublicationsApi.policies()),
    [open, q],
  );
  const search = () => setQ(queryTerms(typed).length ? typed.trim() : '');

  return (
    <View className="section" data-testid="pe-policy">
      <View className="section-title">所解读的政策文件</View>
      {value && !open && (
        <View className="pe-chosen">
          <View className="pe-chosen-title" data-testid="pe-policy-chosen">
            {value.title}
          </View>
          <View className="pe-change tap" role="button" aria-label="更换所解读的政策文件" onClick={() => setOpen(true)}>
            更换
          </View>
        </View>
      )}
      {open && (
        <>
          <View className="pe-search">
            <Input
              className="input pe-search-input"
              value={typed}
              placeholder="搜索政策文件标题、文号"
              confirmType="search"
              onInput={(e) => setTyped(e.detail.value)}
              onConfirm={search}
              aria-label="搜索政策文件"
              nativeProps={{ 'aria-label': '搜索政策文件' }}
            />
            <View className="pe-search-btn tap" role="button" aria-label="搜索政策文件" onClick={search}>
              搜索
            </View>
          </View>
          <StateView
            loading={found.loading && !found.data}
            error={found.data ? undefined : found.error}
            onRetry={found.reload}
            empty={!found.data?.items.length}
            emptyText="没有找到政策文件，须先发布该政策文件"
          >
            {found.data?.items.map((p) => (
              <View
                key={p.id}
                className={`pe-option tap ${value?.id === p.id ? 'on' : ''}`}
                role="radio"
                aria-checked={value?.id === p.id}
                aria-label={`选择 ${p.title}`}
                data-testid="pe-policy-option"
                onClick={() => {
                  onChange({ id: p.id, title: p.title });
                  setOpen(false);
                }}
              >
                <View className="pe-option-title">{p.title}</View>
                <View className="muted">
                  {p.departmentName} · {p.publishedOn}
                  {p.docNo ? ` · ${p.docNo}` : ''}
                </View>
              </View>
            ))}
          </StateView>
        </>
      )}
      <ErrorLine error={error} />
    </View>
  );
}
