export default definePageConfig({ navigationBarTitleText: '兑现公示' });
