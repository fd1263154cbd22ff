/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: edits a stopped n8n's sqlite database on disk */
import { join } from 'node:path';

import { runCommand } from '../harness/runCommand';
import type { Stack } from '../harness/stack';

/*
 * Runs in n8n's own Node with n8n's own sqlite3: loading that native module into the harness's
 * Node 20 (jest) crashed it with a segmentation fault when it was built for Node 24.
 */
const CLEAR_STATIC_DATA = `
const [file, workflowId] = process.argv.slice(1);
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(file, (error) => { if (error) throw error; });
db.run('UPDATE workflow_entity SET staticData = NULL WHERE id = ?', [workflowId], function (error) {
	if (error) throw error;
	if (this.changes !== 1) { console.error('No workflow ' + workflowId + ' in ' + file); process.exitCode = 1; }
	db.close();
});`;

/**
 * Forgets a workflow's static data (where the trigger keeps the Kakiyo webhook id and secret), as
 * happens after an import, a restore from an older backup or a copy to another instance. Only
 * while n8n is stopped: a running n8n would write its cached copy back.
 */
export async function clearStaticData(stack: Stack, workflowId: string): Promise<void> {
	const { userFolder } = stack.n8n.options;
	await runCommand(
		stack.installation.nodeBinary,
		['-e', CLEAR_STATIC_DATA, join(userFolder, '.n8n', 'database.sqlite'), workflowId],
		{
			cwd: stack.installation.dir,
			logFile: join(userFolder, 'database-edits.log'),
		},
	);
}
