export default definePageConfig({ navigationBarTitleText: '信用评级规则' });
