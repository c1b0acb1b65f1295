export default definePageConfig({ navigationBarTitleText: '证照夹', enablePullDownRefresh: true });
