export default definePageConfig({ navigationBarTitleText: '网上申办' });
