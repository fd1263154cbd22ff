import type { IDataObject } from 'n8n-workflow';

/**
 * An error n8n already explains (a NodeApiError or NodeOperationError, from this package or from n8n's
 * helpers), recognised by its `context` object. `instanceof` would fail when n8n loads another copy
 * of n8n-workflow than the one the package was built against. Both nodes pass such an error on as it
 * is and wrap anything else.
 */
export function isNodeError(error: unknown): error is Error & { context: IDataObject } {
	const context = (error as { context?: unknown } | undefined)?.context;
	return error instanceof Error && typeof context === 'object' && context !== null;
}
