// The asset step of `npm run build`: tsc emits only JavaScript, so the icons and the codex
// files (<Node>.node.json, which n8n reads beside each compiled node) are copied here.
const { src, dest } = require('gulp');

function copyIcons() {
	return src('icons/**/*.{svg,png}', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodexFiles() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:assets'] = async function buildAssets() {
	await Promise.all(
		[copyIcons, copyCodexFiles].map(
			(task) => new Promise((resolve, reject) => task().on('finish', resolve).on('error', reject)),
		),
	);
};
