export default defineAppConfig({
  pages: ['pages/index/index', 'pages/guide/index', 'pages/messages/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/guide', pages: ['detail/index', 'bundle/index'] },
    {
      root: 'packages/account',
      pages: ['real-name/index', 'enterprise/index', 'agents/index', 'offers/index', 'kin/index', 'invitation/index', 'privacy/index'],
    },
    { root: 'packages/apply', pages: ['form/index', 'receipt/index'] },
    { root: 'packages/progress', pages: ['lookup/index', 'mine/index', 'detail/index'] },
    // 电子证明 (issue 15): the public verification (no login: the QR on a certificate, a share link) and the holder's 证照夹
    { root: 'packages/verify', pages: ['index'] },
    { root: 'packages/wallet', pages: ['index', 'document/index'] },
    { root: 'packages/appeal', pages: ['file/index', 'mine/index', 'detail/index', 'team/index', 'street/index'] },
    // 政策超市 and 免申即享 (issue 17): browsing and the public list need no login
    { root: 'packages/policy', pages: ['index', 'detail/index', 'offers/index', 'profile/index', 'disbursements/index'] },
    // 预约 / 取号 (issue 18): the points, booking, my bookings, arriving (签到取号), my number
    { root: 'packages/appointment', pages: ['index', 'book/index', 'mine/index', 'arrive/index', 'ticket/index'] },
    // 政务公开 (issue 19): reading and search need no login; 我的订阅 for residents and firms
    { root: 'packages/openness', pages: ['index', 'detail/index', 'subscriptions/index'] },
    // the hall screen (叫号屏, a TV in the hall; public)
    { root: 'packages/hall', pages: ['screen/index'] },
    // 居民议事 (issue 19): my community's topics, declaring my community, raising a topic, a topic with its vote and discussion
    { root: 'packages/community', pages: ['index', 'residence/index', 'raise/index', 'topic/index'] },
    // 信用 (issue 20): search, a merchant's profile (what its 信用码 opens), its records, the rules need no login; rating
    // after a scan; 我的企业信用 and 信用修复 / 异议 for the firm's own people
    {
      root: 'packages/credit',
      pages: ['index', 'merchant/index', 'records/index', 'rate/index', 'rules/index', 'mine/index', 'review/index'],
    },
    { root: 'packages/member', pages: ['home/index', 'calendar/index', 'points/index', 'benefits/index', 'claims/index', 'redeem/index'] },
    {
      root: 'packages/staff',
      pages: [
        'queue/index',
        'detail/index',
        'opinions/index',
        'rectifications/index',
        'rectification-overview/index',
        'dashboard/index',
        'supervision/index',
        'member-admin/index',
        'calendar/index',
        'accounts/index',
        'catalogue/index',
        'catalogue/edit/index',
        'policies/index',
        'policies/edit/index',
        'policies/batch/index',
        'hall/index',
        'hall-admin/index',
        'community/index',
        // 依申请公开 (issue 19): the year's figures for the annual report (staff: own department; admin: all)
        'disclosure-annual/index',
        'publish/index',
        'publish/edit/index',
        // 信用 (issue 20): repairs and objections to decide (the authority's staff), held ratings (the market regulator)
        'credit/index',
        'credit/review/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '越秀掌上办',
    navigationBarTextStyle: 'white',
    // WeChat's default; in the H5 build it turns on Taro's title bar with back / home (issue 14: a page opened from a
    // QR code in a phone browser had no title and no way back)
    navigationStyle: 'default',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/guide/index', text: '办事', iconPath: 'assets/tab/guide.png', selectedIconPath: 'assets/tab/guide-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/message.png', selectedIconPath: 'assets/tab/message-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  // WeChat privacy: every privacy API is declared; location only for placing an appeal on the map.
  __usePrivacyCheck__: true,
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于标记您反映问题的位置，便于工作人员到场处理' } },
});
