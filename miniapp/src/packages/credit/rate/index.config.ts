export default definePageConfig({ navigationBarTitleText: '评价商户' });
