export default definePageConfig({ navigationBarTitleText: '编辑办事事项' });
