export default definePageConfig({ navigationBarTitleText: '村民议事厅' });
