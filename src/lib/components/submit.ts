// How every form posts once the page's scripts are there: `<form method="POST" use:enhance={submit()}>`.
// The page stays where the person is (no reload, no jump to the top), the buttons are disabled while
// it sends so nobody posts twice, and afterwards focus moves to the form's message (or the first field
// with an error) so a screen reader announces the result. Without JavaScript the form posts as before.
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

interface Options {
	/** Reset the fields after a success (default true: the form shows what is stored now). */
	reset?: boolean;
	/** Ask this first (a destructive action); nothing is sent unless the person agrees. */
	confirm?: string;
}

export function submit({ reset = true, confirm }: Options = {}): SubmitFunction {
	return ({ formElement, cancel }) => {
		if (confirm && !window.confirm(confirm)) return cancel();
		const buttons = [...formElement.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input[type="submit"]')].filter((b) => !b.disabled);
		for (const button of buttons) button.disabled = true;
		formElement.setAttribute('aria-busy', 'true');
		return async ({ result, update }) => {
			try {
				await update({ reset });
			} finally {
				for (const button of buttons) button.disabled = false;
				formElement.removeAttribute('aria-busy');
			}
			if (result.type === 'success' || result.type === 'failure') {
				await tick();
				focusResult(formElement);
			}
		};
	};
}

/** Focuses the message about what just happened: in the form, else the first error field, else the page's. */
function focusResult(form: HTMLFormElement): void {
	const scope = form.isConnected ? form : null;
	const target =
		scope?.querySelector<HTMLElement>('.form-error, .form-success') ??
		scope?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
		document.querySelector<HTMLElement>('main .form-error, main .form-success');
	if (!target) return;
	if (!target.matches('input, textarea, select, button, a[href]') && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
	target.focus({ preventScroll: true });
	target.scrollIntoView({ block: 'nearest' });
}
