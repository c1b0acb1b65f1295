export default definePageConfig({ navigationBarTitleText: '窗口叫号' });
