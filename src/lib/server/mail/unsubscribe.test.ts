import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe';

const secret = 'a-test-secret-of-some-length-000000';

describe('unsubscribe tokens', () => {
	it('stand for one address and one kind', () => {
		const token = unsubscribeToken(secret, 'Anna@Buurtplein.test', 'help_message');
		expect(readUnsubscribeToken(secret, token)).toEqual({ address: 'anna@buurtplein.test', kind: 'help_message' });
	});

	it('cannot be replayed for another kind or another address', () => {
		const token = unsubscribeToken(secret, 'anna@buurtplein.test', 'help_message');
		const [address, , sig] = token.split('.');
		expect(readUnsubscribeToken(secret, `${address}.repair_reminder.${sig}`)).toBeNull();
		const other = Buffer.from('bram@buurtplein.test').toString('base64url');
		expect(readUnsubscribeToken(secret, `${other}.help_message.${sig}`)).toBeNull();
	});

	it('are refused when signed with another secret or mangled', () => {
		const token = unsubscribeToken('another-secret-entirely-xxxxxxxxxxx', 'anna@buurtplein.test', 'help_message');
		expect(readUnsubscribeToken(secret, token)).toBeNull();
		expect(readUnsubscribeToken(secret, 'nonsense')).toBeNull();
		expect(readUnsubscribeToken(secret, `${token}.extra`)).toBeNull();
	});
});
