export default definePageConfig({ navigationBarTitleText: '申请回执' });
