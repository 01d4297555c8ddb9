export default definePageConfig({ navigationBarTitleText: '监督检查清单' });
