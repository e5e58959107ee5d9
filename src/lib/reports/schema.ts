import { z } from 'zod';
import { text } from '$lib/fields';
import { reportReasons } from './codes';

export const reportSchema = z.object({
	subjectType: z.string().regex(/^[a-z_]{2,40}$/, { error: 'err_invalid' }),
	subjectId: z.string().min(1, { error: 'err_invalid' }).max(64, { error: 'err_invalid' }),
	reason: z.enum(reportReasons, { error: 'err_report_reason' }),
	details: text(1000, { multiline: true })
});
