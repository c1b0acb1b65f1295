export default definePageConfig({ navigationBarTitleText: '发布政务公开信息' });
