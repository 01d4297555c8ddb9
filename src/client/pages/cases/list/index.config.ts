export default definePageConfig({ navigationBarTitleText: '建议和诉求' });
