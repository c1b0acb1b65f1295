export default definePageConfig({ navigationBarTitleText: '政务公开发布', enablePullDownRefresh: true });
