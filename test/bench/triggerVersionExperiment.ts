/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmark: unpacks, patches and repacks a copy of the package */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCommand } from '../e2e/runCommand';

/** Set a workflow node's typeVersion to this to use the experiment's trigger. */
export const EXPERIMENT_TRIGGER_VERSION = 2;

/**
 * A copy of the packed package whose trigger declares `version: [1, 2]` (default 2): n8n's webhook
 * code treats typeVersion 1 start nodes specially: for each request to one it evaluates the
 * expression `$parameter["options"]["binaryData"]` (webhook-helpers.js, parseRequestBody), which
 * under N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE builds an isolate. Only the declared versions change;
 * the node behaves the same in both. An experiment for the node's authors, not a shipped change.
 */
export async function withTriggerVersion2(tarball: string, workDir: string): Promise<string> {
	const folder = join(workDir, 'trigger-v2');
	mkdirSync(folder);
	const logFile = join(workDir, 'trigger-v2.log');
	await runCommand('tar', ['-xzf', tarball, '-C', folder], { cwd: workDir, logFile });
	const file = join(folder, 'package', 'dist', 'nodes', 'KakiyoTrigger', 'KakiyoTrigger.node.js');
	const source = readFileSync(file, 'utf8');
	const patched = source.replace(/\bversion: 1,/, 'version: [1, 2], defaultVersion: 2,');
	if (patched === source) throw new Error(`No "version: 1," in ${file} to patch`);
	writeFileSync(file, patched);
	const copy = join(workDir, 'n8n-nodes-kakiyo-trigger-v2.tgz');
	await runCommand('tar', ['-czf', copy, '-C', folder, 'package'], { cwd: workDir, logFile });
	return copy;
}
