/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- release tooling, not shipped: reads package.json and CHANGELOG.md, prints what is wrong and sets the exit code */
/**
 * The publish workflow's first gate: a `v*` tag publishes only the version package.json names, and only
 * once CHANGELOG.md says what that version changes. `node --require tsx/cjs scripts/checkReleaseTag.ts v1.2.3`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What stops `tag` from publishing this package; empty when nothing does. */
export function releaseTagProblems(tag: string, version: string, changelog: string): string[] {
	const problems: string[] = [];
	if (tag !== `v${version}`) {
		problems.push(
			`The tag ${tag} does not match package.json's version ${version}: tag v${version}, or change the version first.`,
		);
	}
	const section = changelogSection(changelog, version);
	if (section === undefined) {
		problems.push(
			`CHANGELOG.md has no section for ${version}: rename [Unreleased] to [${version}] - <date> (Keep a Changelog).`,
		);
	} else if (section.trim() === '') {
		problems.push(`CHANGELOG.md's section for ${version} is empty: say what the release changes.`);
	}
	return problems;
}

/** The text under `## [version]` (or `## version`) up to the next `## ` heading. */
function changelogSection(changelog: string, version: string): string | undefined {
	const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const heading = new RegExp(`^## \\[?${escaped}\\]?(?:[ \\t].*)?$`, 'm').exec(changelog);
	if (!heading) return undefined;
	const rest = changelog.slice(heading.index + heading[0].length);
	const next = /^## /m.exec(rest);
	return next ? rest.slice(0, next.index) : rest;
}

if (require.main === module) {
	const tag = process.argv[2] ?? '';
	const root = join(__dirname, '..');
	const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		version: string;
	};
	const problems = releaseTagProblems(
		tag,
		version,
		readFileSync(join(root, 'CHANGELOG.md'), 'utf8'),
	);
	for (const problem of problems) console.error(problem);
	if (problems.length > 0) process.exitCode = 1;
	else console.log(`${tag}: package.json and CHANGELOG.md agree on ${version}`);
}
