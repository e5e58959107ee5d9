import { describe, expect, it } from 'vitest';
import { preferencesSchema } from './schema';

describe('the preferences form', () => {
	it('takes one of the four choices per known kind', () => {
		expect(preferencesSchema.safeParse({ help_message: 'daily', repair_reminder: 'none' }).success).toBe(true);
	});

	it('names the field with a wrong choice', () => {
		const result = preferencesSchema.safeParse({ help_message: 'hourly' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({ path: ['help_message'], message: 'err_melding_choice' });
	});
});
