export default definePageConfig({ navigationBarTitleText: '企业授权' });
