export default definePageConfig({ navigationBarTitleText: '并联审批意见', enablePullDownRefresh: true });
