// Where a worker goes to see what was reported, per subject type. Capabilities add their own line;
// a type without one (e.g. 'person') is shown without a link.
export const reportLinks: Record<string, (subjectId: string) => string> = {
	initiatief: (id) => `/initiatieven/${id}`,
	initiatief_reactie: (id) => `/initiatieven/reactie/${id}`
};

export function reportLink(subjectType: string, subjectId: string): string | null {
	return reportLinks[subjectType]?.(subjectId) ?? null;
}
