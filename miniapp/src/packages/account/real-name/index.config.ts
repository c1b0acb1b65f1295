export default definePageConfig({ navigationBarTitleText: '实名认证与手机号' });
