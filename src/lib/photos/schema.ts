// The text that describes a photo: required, written by the person who puts the photo up.
import { z } from 'zod';
import { ALT_MAX, ALT_MIN } from './limits';

export const altSchema = z
	.string()
	.trim()
	.min(ALT_MIN, 'foto_err_alt_required')
	.max(ALT_MAX, `foto_err_alt_too_long:${ALT_MAX}`);
