export default definePageConfig({ navigationBarTitleText: '质询' });
