export default definePageConfig({ navigationBarTitleText: '街道调度' });
