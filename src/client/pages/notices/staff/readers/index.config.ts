export default definePageConfig({ navigationBarTitleText: '已读情况' });
