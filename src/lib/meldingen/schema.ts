// The e-mail preferences form: one choice per kind of notification; kinds left out keep their choice.
import { z } from 'zod';
import { emailModes, notificationKinds } from './codes';

export const preferencesSchema = z.object(
	Object.fromEntries(notificationKinds.map((kind) => [kind, z.enum(emailModes, 'err_melding_choice').optional()]))
);
