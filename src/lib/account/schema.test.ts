import { describe, expect, it } from 'vitest';
import { slots } from './profile-options';
import { profileSchema } from './schema';

describe('profile', () => {
	it('has 21 availability slots, from monday morning to sunday evening', () => {
		expect(slots).toHaveLength(21);
		expect(slots[0]).toBe('ma-ochtend');
		expect(slots.at(-1)).toBe('zo-avond');
	});
	it('refuses tags outside the list, with a message on that field', () => {
		const result = profileSchema.safeParse({ displayName: 'Anna', buurtCode: 'BU01930601', interests: ['hacken'], talents: [], availability: [] });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].path[0]).toBe('interests');
		expect(result.error?.issues[0].message).toBe('err_choice');
	});
});
