/**
 * The JSON Schema subset n8n's own output schemas use (`n8n-nodes-base/dist/nodes/<Node>/__schema__`):
 * `type` (one name, or several for a field seen with several), `properties` for objects, `items` for
 * arrays (`{}` when every array seen was empty), and `version: 1` at the top. No `required`: a field
 * an answer leaves out is simply not there. The editor shows the first of several types, so the
 * types are listed with `null` last.
 */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface JsonSchema {
	type?: JsonType | JsonType[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

/** One output schema file: an object with its fields, in n8n's form. */
export interface OutputSchema extends JsonSchema {
	type: 'object';
	properties: Record<string, JsonSchema>;
	version: 1;
}

const TYPE_ORDER: readonly JsonType[] = [
	'object',
	'array',
	'string',
	'number',
	'integer',
	'boolean',
	'null',
];

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON type of a value; every number is a `number` (an answer's 0 may be 0.5 in the next). */
function typeOf(value: unknown, path: string): JsonType {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	switch (typeof value) {
		case 'string':
			return 'string';
		case 'number':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'object':
			if (Object.getPrototypeOf(value) === Object.prototype) return 'object';
	}
	throw new Error(`${path} is not JSON: ${Object.prototype.toString.call(value)}`);
}

/** The fields of an object as JSON has them: a field holding undefined is not written. */
const fieldsOf = (value: JsonObject) =>
	Object.entries(value).filter(([, field]) => field !== undefined);

/**
 * The schema every one of `values` fits: the types seen, every field any object had (in the order
 * first seen) with the schema of its values, and the schema of every array's elements together.
 */
export function schemaOf(values: readonly unknown[], path = '$'): JsonSchema {
	const seen = new Set(values.map((value) => typeOf(value, path)));
	const types = TYPE_ORDER.filter((type) => seen.has(type));
	const schema: JsonSchema = { type: types.length === 1 ? types[0] : types };
	const objects = values.filter(isObject);
	if (objects.length > 0) {
		const byField = new Map<string, unknown[]>();
		for (const object of objects) {
			for (const [field, value] of fieldsOf(object)) {
				byField.set(field, [...(byField.get(field) ?? []), value]);
			}
		}
		schema.properties = Object.fromEntries(
			[...byField].map(([field, fieldValues]) => [
				field,
				schemaOf(fieldValues, `${path}.${field}`),
			]),
		);
	}
	const arrays = values.filter((value): value is unknown[] => Array.isArray(value));
	if (arrays.length > 0) {
		const elements = arrays.flat();
		schema.items = elements.length > 0 ? schemaOf(elements, `${path}[]`) : {};
	}
	return schema;
}

/** The output schema of a node's output items (their `json`). */
export function outputSchemaOf(items: readonly JsonObject[]): OutputSchema {
	if (items.length === 0) throw new Error('No output items to describe');
	const { properties = {} } = schemaOf(items);
	return { type: 'object', properties, version: 1 };
}

const typesOf = (schema: JsonSchema): JsonType[] =>
	schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

/**
 * How `value` does not fit `schema`, one line per problem: a value of a type the schema does not
 * list, or a field (or an array element) it does not declare. Empty when it fits.
 */
export function schemaProblems(value: unknown, schema: JsonSchema, path = '$'): string[] {
	const type = typeOf(value, path);
	const types = typesOf(schema);
	const allowed =
		types.includes(type) ||
		(type === 'number' && types.includes('integer') && Number.isInteger(value));
	if (!allowed) {
		return [
			types.length === 0
				? `${path} is not declared`
				: `${path} is ${type} (${JSON.stringify(value)?.slice(0, 60)}), declared ${types.join(' or ')}`,
		];
	}
	if (type === 'object') {
		return fieldsOf(value as JsonObject).flatMap(([field, fieldValue]) => {
			const declared = schema.properties?.[field];
			return declared
				? schemaProblems(fieldValue, declared, `${path}.${field}`)
				: [`${path}.${field} is not declared`];
		});
	}
	if (type === 'array') {
		return (value as unknown[]).flatMap((element, index) =>
			schemaProblems(element, schema.items ?? {}, `${path}[${index}]`),
		);
	}
	return [];
}

const KEYWORDS = new Set(['type', 'properties', 'items']);

/** How a schema strays from n8n's form (see the top of this file); empty when it keeps to it. */
export function n8nFormProblems(schema: unknown, path = '$'): string[] {
	if (!isObject(schema)) return [`${path} is not an object`];
	const problems: string[] = [];
	const { version, ...rest } = schema;
	if (path === '$') {
		if (rest.type !== 'object') problems.push('$ is not of type "object"');
		if (!isObject(rest.properties) || Object.keys(rest.properties).length === 0)
			problems.push('$ has no properties (the editor shows no preview for it)');
		if (version !== 1) problems.push('$.version is not 1');
	} else if (version !== undefined) {
		problems.push(`${path}.version is only used at the top`);
	}
	return [...problems, ...nestedFormProblems(rest, path)];
}

function nestedFormProblems(schema: JsonObject, path: string): string[] {
	const problems = Object.keys(schema)
		.filter((key) => !KEYWORDS.has(key))
		.map((key) => `${path}.${key} is not a keyword n8n's schemas use`);
	const types = Array.isArray(schema.type) ? schema.type : [schema.type];
	const known = types.every((type) => TYPE_ORDER.includes(type as JsonType));
	if (types.length === 0 || !known || new Set(types).size !== types.length)
		problems.push(`${path}.type is not one or more distinct JSON types`);
	if (schema.properties !== undefined) {
		if (!types.includes('object') || !isObject(schema.properties))
			problems.push(`${path}.properties belong to an object`);
		else
			for (const [field, property] of Object.entries(schema.properties))
				problems.push(...n8nFormProblems(property, `${path}.${field}`));
	}
	if (schema.items !== undefined) {
		if (!types.includes('array') || !isObject(schema.items))
			problems.push(`${path}.items belong to an array`);
		else if (Object.keys(schema.items).length > 0)
			problems.push(...n8nFormProblems(schema.items, `${path}[]`));
	}
	return problems;
}

/**
 * A schema as its committed file holds it: tab-indented JSON with each short list of types on one
 * line, as prettier writes it (so `prettier --check` passes on generated files).
 */
export function schemaFileText(schema: OutputSchema): string {
	const text = JSON.stringify(schema, null, '\t').replace(
		/\[\s+((?:"[a-z]+",\s+)*"[a-z]+")\s+\]/g,
		(_list, names: string) => `[${names.split(/,\s+/).join(', ')}]`,
	);
	return `${text}\n`;
}
