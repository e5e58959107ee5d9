export const appRoles = ['bewoner', 'opbouwwerker', 'coordinator', 'admin'] as const;
export type AppRole = (typeof appRoles)[number];

export function isStaff(role: AppRole | undefined): boolean {
	return role === 'opbouwwerker' || role === 'coordinator' || role === 'admin';
}
