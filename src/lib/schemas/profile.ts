import { z } from 'zod';
import { buurtCode, choices, personName, phone, text } from './common';

/** The fixed list of interests and talents; the database's `tags` table holds the same codes. */
export const tags = [
	'tuinieren', 'koken', 'muziek', 'sport', 'lezen', 'techniek', 'klussen', 'handwerk', 'computers',
	'talen', 'kinderen', 'dieren', 'wandelen', 'fietsen', 'kunst', 'spelletjes', 'administratie', 'natuur'
] as const;

export const days = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const dayparts = ['ochtend', 'middag', 'avond'] as const;
export const slots = days.flatMap((day) => dayparts.map((part) => `${day}-${part}` as const)) as [
	`${(typeof days)[number]}-${(typeof dayparts)[number]}`,
	...`${(typeof days)[number]}-${(typeof dayparts)[number]}`[]
];

export const profileSchema = z.object({
	displayName: personName,
	buurtCode,
	interests: choices(tags),
	talents: choices(tags),
	interestsOther: text(200),
	talentsOther: text(200),
	availability: choices(slots),
	about: text(1000, { multiline: true }),
	phone
});

export type ProfileInput = z.infer<typeof profileSchema>;
