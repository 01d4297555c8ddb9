export default definePageConfig({ navigationBarTitleText: '监委会工作台' });
