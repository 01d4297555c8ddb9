export default definePageConfig({ navigationBarTitleText: '村民信息' });
