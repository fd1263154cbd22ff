import {
	n8nFormProblems,
	outputSchemaOf,
	schemaFileText,
	schemaOf,
	schemaProblems,
} from '../../support/jsonSchema';

describe("schemaOf: the schema a set of values fits, in the form of n8n's own schema files", () => {
	it('names one type per field, nested objects with their fields, and every number a number', () => {
		expect(
			schemaOf([{ id: 'a1', total: 3, rate: 0.5, paused: false, stats: { sent: 2 } }]),
		).toEqual({
			type: 'object',
			properties: {
				id: { type: 'string' },
				total: { type: 'number' },
				rate: { type: 'number' },
				paused: { type: 'boolean' },
				stats: { type: 'object', properties: { sent: { type: 'number' } } },
			},
		});
	});

	it('joins every field any value had, and lists several types with null last', () => {
		expect(
			schemaOf([
				{ login: null, message: 'hi', first: 1 },
				{ login: 'emma@example.com', message: { id: 'm1' }, second: true },
			]),
		).toEqual({
			type: 'object',
			properties: {
				login: { type: ['string', 'null'] },
				message: { type: ['object', 'string'], properties: { id: { type: 'string' } } },
				first: { type: 'number' },
				second: { type: 'boolean' },
			},
		});
	});

	it('describes the elements of every array together, and an array never seen full with {}', () => {
		expect(
			schemaOf([
				{ list: [{ a: 1 }], alerts: [] },
				{ list: [{ b: 'x' }, null], alerts: [] },
			]),
		).toEqual({
			type: 'object',
			properties: {
				list: {
					type: 'array',
					items: {
						type: ['object', 'null'],
						properties: { a: { type: 'number' }, b: { type: 'string' } },
					},
				},
				alerts: { type: 'array', items: {} },
			},
		});
	});

	it('leaves out a field that holds undefined, as JSON does', () => {
		expect(schemaOf([{ kept: 'x', dropped: undefined }])).toEqual({
			type: 'object',
			properties: { kept: { type: 'string' } },
		});
	});

	it('refuses a value JSON cannot hold, naming where it is', () => {
		expect(() => schemaOf([{ at: new Date(0) }])).toThrow('$.at is not JSON: [object Date]');
	});

	it('makes an output schema of output items, and refuses to describe none', () => {
		expect(outputSchemaOf([{ id: 'a' }])).toEqual({
			type: 'object',
			properties: { id: { type: 'string' } },
			version: 1,
		});
		expect(() => outputSchemaOf([])).toThrow('No output items');
	});
});

describe('schemaProblems: whether a value fits, every field declared with its type', () => {
	const schema = outputSchemaOf([
		{ id: 'a', login: null, tags: ['x'], usage: { sent: 1 }, alerts: [] },
		{ id: 'b', login: 'emma', tags: [], usage: { sent: 2 }, alerts: [] },
	]);

	it('finds nothing wrong with the values it was made from', () => {
		expect(
			schemaProblems({ id: 'c', login: null, tags: ['y'], usage: { sent: 0.5 } }, schema),
		).toEqual([]);
	});

	it('names a field of another type, an undeclared field and an undeclared array element', () => {
		expect(
			schemaProblems(
				{
					id: 7,
					login: 'x',
					tags: [true],
					usage: { sent: 1, failed: 0 },
					extra: 'x',
					alerts: [{}],
				},
				schema,
			),
		).toEqual([
			'$.id is number (7), declared string',
			'$.tags[0] is boolean (true), declared string',
			'$.usage.failed is not declared',
			'$.extra is not declared',
			'$.alerts[0] is not declared',
		]);
	});

	it('takes an integer where the schema says integer, and nothing else there', () => {
		expect(schemaProblems(3, { type: 'integer' })).toEqual([]);
		expect(schemaProblems(3.5, { type: 'integer' })).toEqual([
			'$ is number (3.5), declared integer',
		]);
	});
});

describe("n8nFormProblems: the form n8n's schema files keep to", () => {
	it('accepts what outputSchemaOf makes', () => {
		expect(
			n8nFormProblems(outputSchemaOf([{ a: [{ b: null }], c: { d: 'x' }, e: [], f: 1 }])),
		).toEqual([]);
	});

	it('names what strays from it', () => {
		expect(
			n8nFormProblems({
				type: 'object',
				properties: {
					a: { type: 'text' },
					b: { type: 'string', required: ['x'] },
					c: { type: 'string', properties: {} },
					d: { type: ['string', 'string'] },
					e: { type: 'object', version: 1, properties: { f: {} } },
				},
			}),
		).toEqual([
			'$.version is not 1',
			'$.a.type is not one or more distinct JSON types',
			"$.b.required is not a keyword n8n's schemas use",
			'$.c.properties belong to an object',
			'$.d.type is not one or more distinct JSON types',
			'$.e.version is only used at the top',
			'$.e.f.type is not one or more distinct JSON types',
		]);
		expect(n8nFormProblems({ type: 'object', properties: {}, version: 1 })).toEqual([
			'$ has no properties (the editor shows no preview for it)',
		]);
	});
});

describe('schemaFileText', () => {
	it('is tab-indented JSON with each list of types on one line, as prettier writes it', () => {
		expect(
			schemaFileText({
				type: 'object',
				properties: { login: { type: ['string', 'null'] } },
				version: 1,
			}),
		).toBe(
			'{\n\t"type": "object",\n\t"properties": {\n\t\t"login": {\n\t\t\t"type": ["string", "null"]\n\t\t}\n\t},\n\t"version": 1\n}\n',
		);
	});
});
