export default definePageConfig({ navigationBarTitleText: '待答复询问' });
