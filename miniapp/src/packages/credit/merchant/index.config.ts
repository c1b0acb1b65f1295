export default definePageConfig({ navigationBarTitleText: '商户信用', enablePullDownRefresh: true });
