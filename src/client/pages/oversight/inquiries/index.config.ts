export default definePageConfig({ navigationBarTitleText: '监委会质询' });
