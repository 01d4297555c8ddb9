export default definePageConfig({ navigationBarTitleText: '登记村民' });
