import { describe, expect, it } from 'vitest';
import { email, personName, phone, text } from './fields';

const firstError = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('text fields', () => {
	it('trims and accepts plain text with quotes and SQL-looking words', () => {
		expect(text(100).parse("  Bram's plan; select * from buurt  ")).toBe("Bram's plan; select * from buurt");
	});
	it('refuses markup', () => {
		expect(firstError(text(100).safeParse('<img src=x onerror=alert(1)>'))).toBe('err_markup');
	});
	it('refuses control and bidi characters, but allows new lines when multiline', () => {
		expect(firstError(text(100).safeParse('a\u0007b'))).toBe('err_control_chars');
		expect(firstError(text(100).safeParse('abc\u202Egpj.exe'))).toBe('err_control_chars');
		expect(firstError(text(100).safeParse('line\nline'))).toBe('err_control_chars');
		expect(text(100, { multiline: true }).parse('line\r\nline')).toBe('line\nline');
	});
	it('refuses a carriage return on its own, in one line and in many', () => {
		expect(firstError(text(100).safeParse('a\rb'))).toBe('err_control_chars');
		expect(firstError(text(100, { multiline: true }).safeParse('a\rBEGIN:VALARM'))).toBe('err_control_chars');
		expect(firstError(text(100, { multiline: true }).safeParse('a\r\n\rb'))).toBe('err_control_chars');
	});
	it('says how long text may be', () => {
		expect(firstError(text(5).safeParse('abcdef'))).toBe('err_too_long:5');
	});
	it('treats a missing optional field as empty and a missing required one as an error', () => {
		expect(text(10).parse(undefined)).toBe('');
		expect(firstError(text(10, { min: 2 }).safeParse(undefined))).toBe('err_required');
		expect(firstError(text(10, { min: 2 }).safeParse('   '))).toBe('err_required');
	});
});

describe('names, e-mail and phone', () => {
	it('accepts Dutch and international names', () => {
		for (const name of ["Anne-Marie van 't Hof", 'Çağla Yılmaz', 'Zoë', 'J. de Vries']) {
			expect(personName.safeParse(name).success, name).toBe(true);
		}
	});
	it('refuses names with symbols or SQL fragments', () => {
		expect(firstError(personName.safeParse("x'; drop table users; --"))).toBe('err_name_chars');
		expect(firstError(personName.safeParse('a'.repeat(61)))).toBe('err_too_long:60');
	});
	it('lower-cases e-mail and refuses a malformed one', () => {
		expect(email.parse(' Anna@Example.NL ')).toBe('anna@example.nl');
		expect(firstError(email.safeParse('anna@'))).toBe('err_email');
	});
	it('accepts Dutch phone formats and refuses letters', () => {
		expect(phone.parse(' 06-12345678 ')).toBe('06-12345678');
		expect(phone.parse('+31 6 1234 5678')).toBe('+31 6 1234 5678');
		expect(firstError(phone.safeParse('bel me'))).toBe('err_phone');
	});
});
