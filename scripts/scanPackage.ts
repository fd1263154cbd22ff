/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- release tooling, not shipped: packs the package, reads it on disk, prints the findings and sets the exit code */
/**
 * n8n's verification scanner, offline. `npx @n8n/scan-community-package` needs the package on the
 * registry with provenance, then lints the attested source commit and the published tarball. This runs
 * the same analysis (`analyzePackage`, the same file patterns) on what `npm publish` would upload and on
 * the working tree, so a finding shows up before a release instead of after it. Exits 1 on any finding.
 *
 * `npm run lint` runs it; alone: `node --require tsx/cjs scripts/scanPackage.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildAndPack, REPO_ROOT, runLogged } from './packPackage';

type Scanner = typeof import('@n8n/scan-community-package/scanner/scanner.mjs');

/** What the scanner's CLI lints in the tarball: compiled JavaScript and the published manifest. */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

async function main(): Promise<void> {
	const started = Date.now();
	const workDir = mkdtempSync(join(tmpdir(), 'kakiyo-scan-'));
	// The scanner makes a temp folder when it is loaded and never removes it; keep that one in ours.
	const systemTmp = process.env.TMPDIR;
	process.env.TMPDIR = workDir;
	try {
		const scanner: Scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
		restore('TMPDIR', systemTmp);

		const tarball = await buildAndPack(workDir, () => undefined);
		const unpacked = join(workDir, 'package');
		await runLogged('tar', ['-xzf', tarball, '-C', workDir], {
			cwd: workDir,
			logFile: join(workDir, 'build.log'),
		});

		const legs = [
			{ name: 'packed tarball', dir: unpacked, patterns: TARBALL_PATTERNS },
			{ name: 'source tree', dir: REPO_ROOT, patterns: scanner.SOURCE_FILE_PATTERNS },
		];
		let failed = false;
		for (const leg of legs) {
			const result = await scanner.analyzePackage(leg.dir, leg.patterns);
			if (result.passed) {
				console.log(
					`n8n scanner, ${leg.name} (${leg.patterns.join(', ')}): passed${result.message ? ` (${result.message})` : ''}`,
				);
			} else {
				failed = true;
				console.error(`n8n scanner, ${leg.name}: ${result.message}\n${result.details ?? ''}`);
			}
		}
		if (failed) process.exitCode = 1;
		else console.log(`n8n scanner: no findings (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	} finally {
		restore('TMPDIR', systemTmp);
		rmSync(workDir, { recursive: true, force: true });
	}
}

function restore(name: string, value: string | undefined): void {
	if (value === undefined) delete process.env[name];
	else process.env[name] = value;
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
