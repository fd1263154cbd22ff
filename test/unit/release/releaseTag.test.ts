import { releaseTagProblems } from '../../../scripts/checkReleaseTag';

const changelog = [
	'# Changelog',
	'',
	'## [Unreleased]',
	'',
	'## [1.2.0] - 2026-05-04',
	'',
	'### Added',
	'',
	'- Something.',
	'',
	'## [1.1.0] - 2026-04-01',
	'',
	'## 1.0.0',
	'',
	'- First release.',
	'',
].join('\n');

describe('releaseTagProblems', () => {
	it('lets a v-tag of the package version with a filled changelog section through', () => {
		expect(releaseTagProblems('v1.2.0', '1.2.0', changelog)).toEqual([]);
		expect(releaseTagProblems('v1.0.0', '1.0.0', changelog)).toEqual([]);
	});

	it('refuses a tag that is not v plus the package version', () => {
		for (const tag of ['1.2.0', 'v1.2.1', 'v1.2.0-rc.1', 'v1.2']) {
			expect(releaseTagProblems(tag, '1.2.0', changelog)).toEqual([
				`The tag ${tag} does not match package.json's version 1.2.0: tag v1.2.0, or change the version first.`,
			]);
		}
	});

	it('refuses a version the changelog does not mention, or only mentions in passing', () => {
		expect(releaseTagProblems('v1.3.0', '1.3.0', changelog)).toEqual([
			'CHANGELOG.md has no section for 1.3.0: rename [Unreleased] to [1.3.0] - <date> (Keep a Changelog).',
		]);
		// 1.2.0 must not count as a section for 1.2 or 1x2x0.
		expect(releaseTagProblems('v1.2', '1.2', changelog)).toHaveLength(1);
		expect(releaseTagProblems('v1x2x0', '1x2x0', changelog)).toHaveLength(1);
	});

	it('refuses an empty section', () => {
		expect(releaseTagProblems('v1.1.0', '1.1.0', changelog)).toEqual([
			"CHANGELOG.md's section for 1.1.0 is empty: say what the release changes.",
		]);
	});

	it('names both problems when both are there', () => {
		expect(releaseTagProblems('v9.9.9', '1.1.0', changelog)).toHaveLength(2);
	});
});
