export default definePageConfig({ navigationBarTitleText: '各村一览' });
