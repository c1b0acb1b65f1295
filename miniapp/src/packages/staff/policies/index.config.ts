export default definePageConfig({ navigationBarTitleText: '政策发布' });
