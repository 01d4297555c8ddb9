export default definePageConfig({ navigationBarTitleText: '村民名册' });
