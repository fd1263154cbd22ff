/** The part of `@n8n/scan-community-package` (plain JavaScript, no types) that `scanPackage.ts` uses. */
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	export interface AnalysisResult {
		passed: boolean;
		message?: string;
		/** ESLint's stylish report of the violations. */
		details?: string;
	}
	/** Lints `packageDir` with n8n's scan rules (inline eslint-disable comments are ignored). */
	export function analyzePackage(
		packageDir: string,
		filePatterns?: string[],
	): Promise<AnalysisResult>;
	/** What the scanner lints in the source checkout that provenance points at. */
	export const SOURCE_FILE_PATTERNS: string[];
}
