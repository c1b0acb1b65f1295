export default definePageConfig({ navigationBarTitleText: '签到日历' });
