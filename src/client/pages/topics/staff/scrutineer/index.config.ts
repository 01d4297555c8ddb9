export default definePageConfig({ navigationBarTitleText: '监票人录入' });
