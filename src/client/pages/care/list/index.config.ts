export default definePageConfig({ navigationBarTitleText: '特困人员监护' });
