/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads the test files, found from __dirname */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One way to name a test: `it(`. jest's `test(` alias is the same function, so nothing else would keep the
 * two from mixing again.
 */
const testRoot = join(__dirname, '..');
const JEST_TEST_CALL = /^\s*test(?:\.(?:each|only|skip|todo|concurrent|failing))?\s*[(`]/m;

const files = readdirSync(testRoot, { recursive: true, encoding: 'utf8' }).filter((name) =>
	name.endsWith('.ts'),
);

describe('test names', () => {
	it('finds the test files', () => {
		expect(files.length).toBeGreaterThan(50);
	});

	it('uses it( everywhere, never jest’s test( alias', () => {
		const offenders = files.filter((name) =>
			JEST_TEST_CALL.test(readFileSync(join(testRoot, name), 'utf8')),
		);
		expect(offenders).toEqual([]);
	});

	it('would notice a test( call', () => {
		expect(JEST_TEST_CALL.test("describe('x', () => {\n\ttest('y', () => {});\n});")).toBe(true);
		expect(JEST_TEST_CALL.test('test.each`\n`')).toBe(true);
		expect(JEST_TEST_CALL.test('\tif (/^x$/.test(value)) return;')).toBe(false);
	});
});
