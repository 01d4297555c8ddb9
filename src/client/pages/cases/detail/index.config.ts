export default definePageConfig({ navigationBarTitleText: '建议和诉求详情', enableShareAppMessage: true });
