/** Unit and in-process integration tests (`npm test`). The real-n8n suite has its own config. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	// n8n runs community packages with NODE_PATH pointing at its own modules, so a packed package
	// (which ships no node_modules) finds n8n-workflow; the loader test unpacks one the same way.
	modulePaths: ['<rootDir>/node_modules'],
	globalSetup: '<rootDir>/test/support/jestSetup.ts',
	globalTeardown: '<rootDir>/test/support/jestTeardown.ts',
	testTimeout: 20000,
};
