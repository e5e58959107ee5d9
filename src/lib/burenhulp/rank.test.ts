import { describe, expect, it } from 'vitest';
import { rank, roundDistance, timeOverlap, type Candidate, type Seeker } from './rank';

const seeker: Seeker = {
	category: 'boodschappen',
	whenKind: 'wekelijks',
	onDate: null,
	slots: ['di-middag', 'do-middag'],
	interests: ['tuinieren', 'koken'],
	talents: ['lezen']
};

function offer(id: string, over: Partial<Candidate> = {}): Candidate {
	return { id, category: 'boodschappen', distanceM: 1000, whenKind: 'wekelijks', onDate: null, slots: [], interests: [], talents: [], ...over };
}

describe('rank', () => {
	it('puts the same category first, however far', () => {
		const ranked = rank(seeker, [offer('near-other', { category: 'klussen', distanceM: 50 }), offer('far-same', { distanceM: 2900 })]);
		expect(ranked.map((r) => r.candidate.id)).toEqual(['far-same', 'near-other']);
	});

	it('then prefers the nearer one when the distance differs by more than a band', () => {
		const ranked = rank(seeker, [offer('far', { distanceM: 1800, slots: ['di-middag'] }), offer('near', { distanceM: 200 })]);
		expect(ranked.map((r) => r.candidate.id)).toEqual(['near', 'far']);
	});

	it('within one distance band, overlap in time and then shared interests decide', () => {
		const ranked = rank(seeker, [
			offer('plain', { distanceM: 100 }),
			offer('shares', { distanceM: 300, interests: ['tuinieren'] }),
			offer('same-time', { distanceM: 400, slots: ['di-middag'] })
		]);
		expect(ranked.map((r) => r.candidate.id)).toEqual(['same-time', 'shares', 'plain']);
	});

	it('says why in reasons: category, distance, time, shared interests and talents', () => {
		const [first] = rank(seeker, [offer('a', { distanceM: 612, slots: ['di-middag', 'za-ochtend'], talents: ['koken'], interests: ['lezen'] })]);
		expect(first.reasons).toEqual([
			{ kind: 'category' },
			{ kind: 'distance', meters: 600 },
			{ kind: 'time', slots: ['di-middag'] },
			{ kind: 'shared', tags: ['koken', 'lezen'] }
		]);
	});

	it('leaves out reasons that do not hold', () => {
		const [first] = rank(seeker, [offer('a', { category: 'tuin', distanceM: 30 })]);
		expect(first.reasons).toEqual([{ kind: 'distance', meters: 100 }]);
	});

	it('is stable for equal candidates and returns nothing for nothing', () => {
		expect(rank(seeker, [])).toEqual([]);
		const ranked = rank(seeker, [offer('b'), offer('a')]);
		expect(ranked.map((r) => r.candidate.id)).toEqual(['a', 'b']);
	});
});

describe('timeOverlap', () => {
	it('finds a shared one-off date', () => {
		const a = { whenKind: 'eenmalig' as const, onDate: '2026-12-01', slots: [] };
		expect(timeOverlap(a, { ...a })).toEqual({ slots: [], sameDate: true });
		expect(timeOverlap(a, { ...a, onDate: '2026-12-02' }).sameDate).toBe(false);
	});
});

describe('roundDistance', () => {
	it('rounds to 100 m and never says 0 m', () => {
		expect(roundDistance(0)).toBe(100);
		expect(roundDistance(649)).toBe(600);
		expect(roundDistance(1250)).toBe(1300);
	});
});
