import type { Role } from './person';

/** Apart from the schemas: the app's first screen names roles, and should not wait for zod to do so. */
export const roleLabels: Record<Role, string> = {
  resident: '村民',
  household_head: '户主',
  representative: '村民代表',
  party_member: '党员',
  party_branch: '党支部',
  grid_worker: '网格员',
  committee: '村委会',
  supervisor: '监委会',
  township_staff: '乡镇工作人员',
};
