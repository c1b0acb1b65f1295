// a TV in the hall: no title bar (navigationStyle custom hides Taro's in the H5 build and WeChat's in the mini-program)
export default definePageConfig({ navigationBarTitleText: '叫号屏', navigationStyle: 'custom' });
