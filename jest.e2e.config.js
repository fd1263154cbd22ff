/**
 * The real-n8n end-to-end suite (`npm run test:e2e`): installs n8n 1.x and 2.x into a cache outside
 * the repo on first use, then runs every scenario against each line. One n8n at a time
 * (runInBand), and long timeouts: a cold run installs n8n (minutes), a warm one starts it (seconds).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// Queue mode (Postgres, Redis, webhook processes, workers) is its own run: npm run test:e2e:queue.
	testPathIgnorePatterns: ['/node_modules/', '/queueMode\\.e2e\\.ts$'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	testTimeout: 180000,
	verbose: true,
	maxWorkers: 1,
};
