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

export { MultiChips, toggle } from '../../../components/MultiChips';
