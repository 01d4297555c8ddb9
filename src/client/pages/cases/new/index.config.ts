export default definePageConfig({ navigationBarTitleText: '提建议 / 反映诉求' });
