// Where a worker goes to see what was reported, per subject type. Capabilities add their own line;
// a type without one (e.g. 'person') is shown without a link.
export const reportLinks: Record<string, (subjectId: string) => string> = {
	initiatief: (id) => `/initiatieven/${id}`,
	initiatief_reactie: (id) => `/initiatieven/reactie/${id}`,
	// "Meld deze persoon" in a match: the match page shows the worker both sides.
	help_match: (id) => `/burenhulp/match/${id}`,
	groep: (id) => `/groepen/${id}`,
	groep_bericht: (id) => `/groepen/bericht/${id}`
};

export function reportLink(subjectType: string, subjectId: string): string | null {
	return reportLinks[subjectType]?.(subjectId) ?? null;
}
