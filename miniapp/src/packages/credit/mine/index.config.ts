export default definePageConfig({ navigationBarTitleText: '我的企业信用', enablePullDownRefresh: true });
