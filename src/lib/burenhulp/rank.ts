// Orders candidates for a help request (offers) or a help offer (requests), and says why in words a
// resident understands. Pure: the database finds the candidates, this decides their order.

export interface Candidate {
	id: string;
	category: string;
	distanceM: number;
	whenKind: 'eenmalig' | 'wekelijks';
	onDate: string | null;
	slots: string[];
	interests: string[];
	talents: string[];
}

export interface Seeker {
	category: string;
	whenKind: 'eenmalig' | 'wekelijks';
	onDate: string | null;
	slots: string[];
	interests: string[];
	talents: string[];
}

export type Reason =
	| { kind: 'category' }
	| { kind: 'distance'; meters: number }
	| { kind: 'time'; slots: string[] }
	| { kind: 'date' }
	| { kind: 'shared'; tags: string[] };

export interface Ranked<C extends Candidate> {
	candidate: C;
	reasons: Reason[];
}

/** Distances within one band count as equally near; then time and shared interests decide. */
export const DISTANCE_BAND_M = 500;

/** Distance as residents say it: "300 m", "1,2 km"; never more precise than 100 m. */
export function roundDistance(meters: number): number {
	return Math.max(100, Math.round(meters / 100) * 100);
}

function overlap(a: readonly string[], b: readonly string[]): string[] {
	const set = new Set(b);
	return [...new Set(a)].filter((x) => set.has(x));
}

/** Time slots both can do. A one-off date matches a weekly slot on its weekday. */
export function timeOverlap(a: Pick<Seeker, 'whenKind' | 'onDate' | 'slots'>, b: Pick<Seeker, 'whenKind' | 'onDate' | 'slots'>): {
	slots: string[];
	sameDate: boolean;
} {
	const sameDate = a.whenKind === 'eenmalig' && b.whenKind === 'eenmalig' && a.onDate !== null && a.onDate === b.onDate;
	return { slots: overlap(a.slots, b.slots), sameDate };
}

export function rank<C extends Candidate>(seeker: Seeker, candidates: readonly C[]): Ranked<C>[] {
	const mine = [...seeker.interests, ...seeker.talents];
	const scored = candidates.map((candidate) => {
		const sameCategory = candidate.category === seeker.category;
		const time = timeOverlap(seeker, candidate);
		const shared = overlap(mine, [...candidate.interests, ...candidate.talents]);
		const reasons: Reason[] = [];
		if (sameCategory) reasons.push({ kind: 'category' });
		reasons.push({ kind: 'distance', meters: roundDistance(candidate.distanceM) });
		if (time.slots.length > 0) reasons.push({ kind: 'time', slots: time.slots });
		if (time.sameDate) reasons.push({ kind: 'date' });
		if (shared.length > 0) reasons.push({ kind: 'shared', tags: shared });
		const key = [
			sameCategory ? 0 : 1,
			Math.floor(candidate.distanceM / DISTANCE_BAND_M),
			-(time.slots.length + (time.sameDate ? 1 : 0)),
			-shared.length,
			candidate.distanceM
		];
		return { candidate, reasons, key };
	});
	scored.sort((x, y) => {
		for (let i = 0; i < x.key.length; i++) if (x.key[i] !== y.key[i]) return x.key[i] - y.key[i];
		return x.candidate.id < y.candidate.id ? -1 : x.candidate.id > y.candidate.id ? 1 : 0;
	});
	return scored.map(({ candidate, reasons }) => ({ candidate, reasons }));
}
