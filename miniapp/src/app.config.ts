export default defineAppConfig({
  pages: ['pages/index/index', 'pages/guide/index', 'pages/messages/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/guide', pages: ['detail/index', 'bundle/index'] },
    { root: 'packages/account', pages: ['real-name/index', 'enterprise/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '越秀掌上办',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/guide/index', text: '办事' },
      { pagePath: 'pages/messages/index', text: '消息' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // WeChat privacy: declared before any privacy API is used (none yet: login needs no personal data).
  __usePrivacyCheck__: true,
});
