export default definePageConfig({ navigationBarTitleText: '信用修复与异议核查' });
