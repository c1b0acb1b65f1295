export default definePageConfig({ navigationBarTitleText: '督办' });
