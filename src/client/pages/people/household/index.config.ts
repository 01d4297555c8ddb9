export default definePageConfig({ navigationBarTitleText: '一户的成员' });
