export default definePageConfig({ navigationBarTitleText: '事项目录', enablePullDownRefresh: true });
