/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads the CI workflow, found from __dirname */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_LINES } from '../../harness/n8nLines';

const ci = readFileSync(
	join(__dirname, '..', '..', '..', '.github', 'workflows', 'ci.yml'),
	'utf8',
);

describe('the CI workflow', () => {
	it('runs the end-to-end job on every n8n line of test/harness/n8nLines.ts, the floor line included', () => {
		const matrix = /^\s+line: \[([^\]]*)\]\s*$/m.exec(ci);
		const lines = matrix?.[1].split(',').map((entry) => entry.trim().replace(/^'|'$/g, ''));
		expect(lines).toEqual(Object.keys(N8N_LINES));
		expect(lines).toContain('floor');
	});
});
