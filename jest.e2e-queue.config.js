/**
 * The queue-mode end-to-end suite (`npm run test:e2e:queue`): n8n's main process, a webhook process
 * and two workers over a private Postgres and Redis (installed with apt-get when missing), on each
 * n8n line. Same settings as the single-process suite (jest.e2e.config.js), other test file.
 */
const singleProcess = require('./jest.e2e.config.js');

module.exports = {
	...singleProcess,
	testMatch: ['**/queueMode.e2e.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
};
