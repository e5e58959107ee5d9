// The fixed choices of a profile. No zod here: pages import these, and zod would follow them into the
// browser (about 20 kB gzipped) for nothing; validation happens on the server.

/** Interests and talents; the database's `tags` table holds the same codes. */
export const tags = [
	'tuinieren', 'koken', 'muziek', 'sport', 'lezen', 'techniek', 'klussen', 'handwerk', 'computers',
	'talen', 'kinderen', 'dieren', 'wandelen', 'fietsen', 'kunst', 'spelletjes', 'administratie', 'natuur'
] as const;
export type Tag = (typeof tags)[number];

export const days = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const dayparts = ['ochtend', 'middag', 'avond'] as const;
export type Slot = `${(typeof days)[number]}-${(typeof dayparts)[number]}`;
export const slots = days.flatMap((day) => dayparts.map((part) => `${day}-${part}` as const)) as [Slot, ...Slot[]];
