export default definePageConfig({ navigationBarTitleText: '监护照料总览' });
