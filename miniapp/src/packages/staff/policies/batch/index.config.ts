export default definePageConfig({ navigationBarTitleText: '兑现批次' });
