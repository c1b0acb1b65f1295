export default definePageConfig({ navigationBarTitleText: '会员日福利' });
