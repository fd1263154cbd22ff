// The asset step of `npm run build`: tsc emits only JavaScript, so the icons, the codex files
// (<Node>.node.json, which n8n reads beside each compiled node) and the output schemas
// (__schema__/…, which n8n serves beside each node as a preview of its output; `npm run schemas`
// writes them) are copied here.
const { src, dest } = require('gulp');

function copyIcons() {
	return src('icons/**/*.{svg,png}', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodexFiles() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

function copyOutputSchemas() {
	return src('nodes/**/__schema__/**/*.json').pipe(dest('dist/nodes'));
}

exports['build:assets'] = async function buildAssets() {
	await Promise.all(
		[copyIcons, copyCodexFiles, copyOutputSchemas].map(
			(task) => new Promise((resolve, reject) => task().on('finish', resolve).on('error', reject)),
		),
	);
};
