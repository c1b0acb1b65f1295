import { Switch, Text, View } from '@tarojs/components';
import { BENEFIT_TYPES, INDUSTRY_SECTIONS, POLICY_TOPICS } from '@yx/shared';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { PolicyFilter } from '../../../api/policies';
import { Chips, type ChipOption } from '../../../components/Chips';
import { SearchBar } from '../../../components/SearchBar';
import { useAsync } from '../../../hooks/useAsync';

type PanelKey = 'department' | 'industry' | 'benefit' | 'topic';
const ALL = 'all';
const withAll = (o: Record<string, string>): ChipOption<string>[] => [
  { value: ALL, label: '全部' },
  ...Object.entries(o).map(([value, label]) => ({ value, label })),
];

/** A filter that is on or off, as a chip that says whether it is pressed. */
function Toggle({ label, on, onClick, testId }: { label: string; on: boolean; onClick: () => void; testId: string }) {
  return (
    <View className={`chip pm-toggle ${on ? 'on' : ''}`} role="button" aria-pressed={on} aria-label={label} data-testid={testId} onClick={onClick}>
      {label}
    </View>
  );
}

/**
 * The market's search and filters: the word (full text), quick toggles (免申即享, 30 / 90 天内截止), and under 筛选 the
 * department, industry section, benefit type and topic; those chosen stay listed, each removable, when the panel is shut.
 * A firm also has 只看可享受的 (forMe=1).
 */
export function MarketFilters({ filter, onChange, firm }: { filter: PolicyFilter; onChange: (f: PolicyFilter) => void; firm: boolean }) {
  const [text, setText] = useState(filter.q ?? '');
  const [open, setOpen] = useState(false);
  const departments = useAsync(() => api.departments(), []);
  const deptNames = Object.fromEntries((departments.data?.items ?? []).map((d) => [d.id, d.shortName]));
  const set = (patch: PolicyFilter) => onChange({ ...filter, ...patch });
  const search = () => set({ q: text.trim() || undefined });

  const groups: { key: PanelKey; label: string; options: Record<string, string> }[] = [
    { key: 'department', label: '发文部门', options: deptNames },
    { key: 'industry', label: '适用行业', options: INDUSTRY_SECTIONS },
    { key: 'benefit', label: '扶持类型', options: BENEFIT_TYPES },
    { key: 'topic', label: '政策主题', options: POLICY_TOPICS },
  ];
  const chosen = groups.filter((g) => filter[g.key]).map((g) => ({ ...g, value: g.options[filter[g.key]!] ?? filter[g.key]! }));

  return (
    <View className="pm-bar">
      <SearchBar
        label="搜索政策"
        placeholder="搜索政策名称、解读，如：高新技术企业"
        value={text}
        onInput={setText}
        onSearch={search}
        shown={filter.q}
        onClear={() => {
          setText('');
          set({ q: undefined });
        }}
        testId="policy-search"
      />

      <View className="pm-quick">
        <Toggle label="免申即享" testId="filter-auto" on={filter.mode === 'auto'} onClick={() => set({ mode: filter.mode === 'auto' ? undefined : 'auto' })} />
        <Toggle
          label="30 天内截止"
          testId="filter-30"
          on={filter.deadline === '30'}
          onClick={() => set({ deadline: filter.deadline === '30' ? undefined : '30' })}
        />
        <Toggle
          label="90 天内截止"
          testId="filter-90"
          on={filter.deadline === '90'}
          onClick={() => set({ deadline: filter.deadline === '90' ? undefined : '90' })}
        />
        <View
          className={`chip pm-toggle ${open ? 'on' : ''}`}
          role="button"
          aria-expanded={open}
          aria-label={chosen.length ? `更多筛选（已选 ${chosen.length} 项）` : '更多筛选'}
          data-testid="filter-more"
          onClick={() => setOpen(!open)}
        >
          {chosen.length ? `更多筛选（已选 ${chosen.length} 项）` : '更多筛选'}
        </View>
      </View>

      {firm && (
        <View className="pm-forme">
          <View>
            <View className="pm-forme-name">只看可享受的</View>
            <View className="muted">只列出本企业符合条件或信息待补充的条目</View>
          </View>
          <Switch
            checked={filter.forMe === '1'}
            color="#c8161d"
            onChange={(e) => set({ forMe: e.detail.value ? '1' : undefined })}
            aria-label="只看可享受的"
            nativeProps={{ 'aria-label': '只看可享受的' }}
          />
        </View>
      )}

      {open && (
        <View className="pm-panel" data-testid="filter-panel">
          {groups.map((g) => (
            <View key={g.key}>
              <View className="field-label">{g.label}</View>
              <Chips label={g.label} options={withAll(g.options)} value={filter[g.key] ?? ALL} onChange={(v) => set({ [g.key]: v === ALL ? undefined : v })} />
            </View>
          ))}
          <View className="pm-panel-close tap" role="button" aria-label="收起筛选" onClick={() => setOpen(false)}>
            收起筛选
          </View>
        </View>
      )}

      {!open && chosen.length > 0 && (
        <View className="pm-active" data-testid="active-filters">
          {chosen.map((c) => (
            <View
              key={c.key}
              className="pm-active-chip tap"
              role="button"
              aria-label={`${c.label}：${c.value} 取消筛选`}
              onClick={() => set({ [c.key]: undefined })}
            >
              <Text>
                {c.label}：{c.value}
              </Text>
              <Text className="pm-active-x">取消</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
