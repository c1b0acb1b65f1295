export default definePageConfig({ navigationBarTitleText: '街道调度', enablePullDownRefresh: true });
