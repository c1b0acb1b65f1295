export default definePageConfig({ navigationBarTitleText: '越秀掌上办' });
