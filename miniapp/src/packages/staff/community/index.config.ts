export default definePageConfig({ navigationBarTitleText: '社区议事工作台', enablePullDownRefresh: true });
