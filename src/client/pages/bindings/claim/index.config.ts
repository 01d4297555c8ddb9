export default definePageConfig({ navigationBarTitleText: '绑定村民身份' });
