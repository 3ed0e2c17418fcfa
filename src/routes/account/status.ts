/** What an account form's action said: which form, and a message, a field in error or what was done. */
export interface ActionStatus {
	action?: string;
	field?: string;
	message?: string;
	done?: string;
}

/** The status of one form, or null when the last action was another's. */
export const statusOf = (form: unknown, action: string): ActionStatus | null => {
	const status = form as ActionStatus | null;
	return status?.action === action ? status : null;
};
