export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/auth/sign-in/index',
    'pages/auth/confirm/index',
    'pages/notices/list/index',
    'pages/notices/detail/index',
    'pages/notices/versions/index',
    'pages/notices/print/index',
    'pages/topics/list/index',
    'pages/topics/detail/index',
    'pages/topics/print/index',
    'pages/cases/list/index',
    'pages/cases/new/index',
    'pages/cases/detail/index',
    'pages/bindings/claim/index',
    'pages/me/index',
    'pages/me/data/index',
    'pages/inbox/index',
    'pages/privacy/index',
  ],
  // Pages only staff open live in a subpackage, keeping the residents' main package small.
  subPackages: [
    { root: 'pages/notices/staff', pages: ['edit/index', 'readers/index', 'calendar/index', 'questions/index'] },
    { root: 'pages/villages', pages: ['settings/index'] },
    { root: 'pages/audit', pages: ['index', 'entries/index'] },
    // 监委会工作台: 质询 (public ones readable by every villager, opened from a message or the notice board), the check list and its report.
    {
      root: 'pages/oversight',
      pages: ['index', 'inquiries/index', 'inquiry/index', 'check-list/index', 'report/index'],
    },
    {
      root: 'pages/people',
      pages: [
        'list/index',
        'detail/index',
        'household/index',
        'edit/index',
        'import/index',
        'summary/index',
        'corrections/index',
      ],
    },
    { root: 'pages/bindings/review', pages: ['index'] },
    { root: 'pages/topics/staff', pages: ['edit/index', 'scrutineer/index'] },
    { root: 'pages/cases/staff', pages: ['proxy/index', 'dashboard/index', 'township/index'] },
    { root: 'pages/township', pages: ['villages/index'] },
    { root: 'pages/care', pages: ['list/index', 'detail/index', 'visit/index', 'overview/index', 'register/index'] },
  ],
  // 说话输入 in the mini-program: WeChat's 同声传译 plugin (services/voice.ts picks it up through requirePlugin,
  // and a build without it simply shows no microphone).
  plugins: { WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } },
  // H5: no sliding page transition; on a cheap phone it is slow, and a page should simply appear.
  animation: false,
  window: {
    navigationBarTitleText: '村民议事厅',
    navigationBarBackgroundColor: '#a31515',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f3ef',
  },
});
