import Taro from '@tarojs/taro';

/** The back office's pages, and the way to one application. */
export const STAFF_PAGES = {
  queue: '/packages/staff/queue/index',
  detail: '/packages/staff/detail/index',
  opinions: '/packages/staff/opinions/index',
  rectifications: '/packages/staff/rectifications/index',
  dashboard: '/packages/staff/dashboard/index',
  supervision: '/packages/staff/supervision/index',
  rectificationOverview: '/packages/staff/rectification-overview/index',
  catalogue: '/packages/staff/catalogue/index',
  policies: '/packages/staff/policies/index',
  policyEdit: '/packages/staff/policies/edit/index',
  policyBatch: '/packages/staff/policies/batch/index',
  hall: '/packages/staff/hall/index',
  hallAdmin: '/packages/staff/hall-admin/index',
  disclosureAnnual: '/packages/staff/disclosure-annual/index',
  publish: '/packages/staff/publish/index',
  publishEdit: '/packages/staff/publish/edit/index',
} as const;

export const openStaffApplication = (appNo: string) => Taro.navigateTo({ url: `${STAFF_PAGES.detail}?appNo=${encodeURIComponent(appNo)}` });
