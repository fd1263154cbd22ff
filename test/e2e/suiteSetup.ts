/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only e2e setup: prints progress on stderr, removes its scratch folder */
import { rmSync } from 'node:fs';

import { buildAndPack } from '../../scripts/packPackage';
import { scratchFolder } from '../harness/processRegistry';

/** Progress of an e2e suite, on stderr so that jest's report stays readable. */
export const progress = (message: string) => process.stderr.write(`${message}\n`);

export interface PackedPackage {
	/** The suite's scratch folder (n8n user folders go inside). */
	workDir: string;
	/** The package as `npm pack` made it. */
	tarball: string;
}

/**
 * Builds and packs the package once for the test file (jest hooks, so call it at the top of the
 * file); the scratch folder is removed after the last test. Fields are filled before tests run.
 */
export function packedPackage(prefix: string): PackedPackage {
	const packed: PackedPackage = { workDir: '', tarball: '' };
	beforeAll(async () => {
		packed.workDir = scratchFolder(prefix);
		packed.tarball = await buildAndPack(packed.workDir, progress);
	}, 300_000);
	afterAll(() => rmSync(packed.workDir, { recursive: true, force: true }));
	return packed;
}
