export default definePageConfig({ navigationBarTitleText: '登记特困人员' });
