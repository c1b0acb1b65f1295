import { View } from '@tarojs/components';
import type { ItemWindow, PolicyMode } from '@yx/shared';
import { STAFF_PAGES } from '../pages';

/** The pages of 政策发布 (issue 17). */
export const POLICY_EDIT = STAFF_PAGES.policyEdit;
export const POLICY_BATCH = STAFF_PAGES.policyBatch;

/** The mode badge of an item: 免申即享 (paid from the district's data) or 依申请 (through an application). */
export const MODE_TAGS: Record<PolicyMode, { name: string; tone: string }> = {
  auto: { name: '免申即享', tone: 'tag-red' },
  apply: { name: '依申请', tone: 'tag-blue' },
};

export const WINDOW_NAMES: Record<ItemWindow, string> = { open: '兑现中', upcoming: '未开始', closed: '已截止' };

/** Adds or removes a value (chips that may pick several). */
export const toggle = <T,>(list: readonly T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** Chips that may pick several (政策主题, 企业规模, 街道…): each a checkbox named by its own text. */
export function MultiChips<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly (readonly [T, string])[];
  value: readonly T[];
  onChange: (v: T[]) => void;
}) {
  return (
    <View className="chips" role="group" aria-label={label}>
      {options.map(([v, l]) => (
        <View
          key={v}
          className={`chip ${value.includes(v) ? 'on' : ''}`}
          role="checkbox"
          aria-checked={value.includes(v)}
          aria-label={l}
          onClick={() => onChange(toggle(value, v))}
        >
          {l}
        </View>
      ))}
    </View>
  );
}
