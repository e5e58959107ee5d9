// Code lists for burenhulp, without zod, so components can import them without pulling the schema
// library into the browser bundle.
export const helpKinds = ['vraag', 'aanbod'] as const;
export const helpCategories = [
	'boodschappen', 'klussen', 'gezelschap', 'vervoer', 'administratie', 'digitaal', 'taal', 'tuin', 'huisdieren', 'anders'
] as const;
export const helpOutcomes = ['geholpen', 'niet_geholpen', 'contact_blijft'] as const;
