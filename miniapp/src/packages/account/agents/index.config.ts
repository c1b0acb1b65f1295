export default definePageConfig({ navigationBarTitleText: '企业经办人' });
