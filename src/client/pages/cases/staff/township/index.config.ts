export default definePageConfig({ navigationBarTitleText: '乡镇督办' });
