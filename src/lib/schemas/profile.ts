import { z } from 'zod';
import { slots, tags } from '$lib/profile-options';
import { buurtCode, choices, personName, phone, text } from './common';

export { dayparts, days, slots, tags } from '$lib/profile-options';

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
