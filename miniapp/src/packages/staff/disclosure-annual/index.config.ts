export default definePageConfig({ navigationBarTitleText: '政府信息公开年度报告' });
