/**
 * A small multipart/form-data body, as a web form posts it: n8n parses such a body from the request
 * stream itself, whatever the start node, so the node never gets its bytes.
 */
export function multipartForm(fields: Record<string, string>): {
	body: string;
	contentType: string;
} {
	const boundary = 'kakiyo-test-form';
	const parts = Object.entries(fields).flatMap(([name, value]) => [
		`--${boundary}`,
		`Content-Disposition: form-data; name="${name}"`,
		'',
		value,
	]);
	return {
		body: [...parts, `--${boundary}--`, ''].join('\r\n'),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
