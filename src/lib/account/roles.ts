export const appRoles = ['bewoner', 'opbouwwerker', 'coordinator', 'admin', 'partner'] as const;
export type AppRole = (typeof appRoles)[number];

export function isStaff(role: AppRole | undefined): boolean {
	return role === 'opbouwwerker' || role === 'coordinator' || role === 'admin';
}

/** A contact person of a partner organisation: sees only its own agenda (src/routes/(partner)). */
export function isPartner(role: AppRole | undefined): boolean {
	return role === 'partner';
}
