export default definePageConfig({ navigationBarTitleText: '代为录入' });
