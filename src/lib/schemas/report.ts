import { z } from 'zod';
import { text } from './common';

export const reportReasons = ['spam', 'ongepast', 'onveilig', 'oplichting', 'privacy', 'anders'] as const;

export const reportSchema = z.object({
	subjectType: z.string().regex(/^[a-z_]{2,40}$/, { error: 'err_invalid' }),
	subjectId: z.string().min(1, { error: 'err_invalid' }).max(64, { error: 'err_invalid' }),
	reason: z.enum(reportReasons, { error: 'err_report_reason' }),
	details: text(1000, { multiline: true })
});
