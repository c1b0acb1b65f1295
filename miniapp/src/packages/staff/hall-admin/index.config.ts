export default definePageConfig({ navigationBarTitleText: '办事地点管理' });
