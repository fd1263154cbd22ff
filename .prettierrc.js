module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
	overrides: [
		// npm rewrites package.json with two spaces on every install; match it so the check stays green.
		{ files: ['package.json'], options: { useTabs: false, tabWidth: 2 } },
	],
};
