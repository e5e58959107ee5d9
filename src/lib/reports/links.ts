// Where a worker goes to see what was reported, per subject type: every type the database accepts
// (an `app.report_wijk_<type>` function) has a line here; links.test.ts reads the migrations to check.
export const reportLinks: Record<string, (subjectId: string) => string> = {
	initiatief: (id) => `/initiatieven/${id}`,
	initiatief_reactie: (id) => `/initiatieven/reactie/${id}`,
	// "Meld deze persoon" in a match: the match page shows the worker both sides.
	help_match: (id) => `/burenhulp/match/${id}`,
	help_post: (id) => `/burenhulp/${id}`,
	// A message is shown in its conversation, which workers of the wijk read once it is reported.
	help_message: (id) => `/burenhulp/bericht/${id}`,
	person: (id) => `/werkplek/persoon/${id}`,
	repair_cafe: (id) => `/repair-cafe/${id}`,
	rommelroute_stand: (id) => `/rommelroute/kraam/${id}`,
	groep: (id) => `/groepen/${id}`,
	groep_bericht: (id) => `/groepen/bericht/${id}`
};

export function reportLink(subjectType: string, subjectId: string): string | null {
	return reportLinks[subjectType]?.(subjectId) ?? null;
}
