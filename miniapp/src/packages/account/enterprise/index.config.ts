export default definePageConfig({ navigationBarTitleText: '企业绑定' });
