import {
	NodeOperationError,
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyCollection,
} from 'n8n-workflow';
import { invalidIdReason } from '../../shared/transport';

/**
 * The parameters of one input item, read the way Kakiyo wants them: IDs from a picker, a typed ID or
 * an expression, trimmed and checked; text trimmed; collections without the fields left empty, so a
 * call sends only what the user set.
 */
export class ItemParameters {
	constructor(
		readonly context: IExecuteFunctions,
		readonly itemIndex: number,
		/** The operation's own parameters, for their display names in errors. */
		private readonly properties: INodeProperties[] = [],
	) {}

	/** The value as n8n resolves it (expressions evaluated), or `fallback` when the parameter is hidden. */
	raw(name: string, fallback?: unknown): unknown {
		return this.context.getNodeParameter(name, this.itemIndex, fallback);
	}

	/** An ID that goes into a request path: non-empty, and never `.` or `..`, which would change the path. */
	id(name: string): string {
		const value = this.context.getNodeParameter(name, this.itemIndex, '', { extractValue: true });
		const id = (typeof value === 'string' || typeof value === 'number' ? String(value) : '').trim();
		const reason = invalidIdReason(id);
		if (reason) {
			const message = id
				? `Invalid ${this.label(name)}: ${reason}`
				: `${this.label(name)} is empty`;
			throw this.error(message, this.idHint(name));
		}
		return id;
	}

	/**
	 * An ID that may be left out (a picker in a collection): undefined when the field was not added,
	 * else read as `id`. Whether it was added is read before expressions are resolved, so one that
	 * finds no ID is refused rather than taken for a field left out.
	 */
	optionalId(name: string): string | undefined {
		const added = name
			.split('.')
			.reduce<unknown>(
				(value, key) => (value as IDataObject | undefined)?.[key],
				this.context.getNode().parameters,
			);
		return added === undefined ? undefined : this.id(name);
	}

	/** Trimmed text; an error naming the parameter when it is required and empty. */
	string(name: string, required = true): string {
		const value = this.raw(name, '');
		const text = value === undefined || value === null ? '' : String(value).trim();
		if (required && !text) throw this.error(`${this.label(name)} is empty`, 'Give it a value.');
		return text;
	}

	/** A number within the range its parameter declares (see `checkNumbers`). */
	number(name: string): number {
		return this.inRange(name, this.raw(name));
	}

	/**
	 * Refuses, before any call, a number outside the range its parameter declares (`minValue`,
	 * `maxValue`), wherever it sits: a parameter, a collection's field, a fixed collection's row. n8n
	 * checks the range in the editor only; an expression or an AI agent (`$fromAI`) passes anything,
	 * such as a Max Wait of 1e8 seconds, which would poll for years at a credit a check. Refused
	 * rather than clamped: the user or agent learns the range and decides.
	 */
	checkNumbers(): void {
		const parameters = this.context.getNode().parameters;
		for (const property of this.properties)
			this.checkNumbersIn(property, property.name, parameters);
	}

	private checkNumbersIn(property: INodeProperties, path: string, parameters: IDataObject): void {
		// What n8n holds for the node: only the parameters shown for its settings, and only the
		// collection fields the user added. A parameter n8n left out is not used.
		if (this.added(path, parameters) === undefined) return;
		if (property.type === 'number') {
			const value = this.raw(path);
			// An empty field is left out, like `fields()` leaves it out.
			if (value !== '' && value !== null && value !== undefined)
				this.inRange(path, value, property);
		} else if (property.type === 'collection') {
			for (const option of (property.options ?? []) as INodeProperties[]) {
				this.checkNumbersIn(option, `${path}.${option.name}`, parameters);
			}
		} else if (property.type === 'fixedCollection') {
			for (const group of (property.options ?? []) as INodePropertyCollection[]) {
				const rows = this.added(`${path}.${group.name}`, parameters);
				const paths = Array.isArray(rows)
					? rows.map((_row, index) => `${path}.${group.name}[${index}]`)
					: [`${path}.${group.name}`];
				for (const rowPath of paths) {
					for (const field of group.values) {
						this.checkNumbersIn(field, `${rowPath}.${field.name}`, parameters);
					}
				}
			}
		}
	}

	/** The value n8n holds at a path of the node's parameters, before expressions are resolved. */
	private added(path: string, parameters: IDataObject): unknown {
		return path
			.split(/\.|\[(\d+)\]/)
			.filter((key) => key !== undefined && key !== '')
			.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], parameters);
	}

	/** The value as a number within its parameter's declared range, or an error naming both. */
	private inRange(name: string, raw: unknown, property = this.property(name)): number {
		const label = property?.displayName ?? this.label(name);
		const value = typeof raw === 'number' || typeof raw === 'string' ? Number(raw) : Number.NaN;
		if (!Number.isFinite(value)) throw this.error(`${label} must be a number`);
		const { minValue: min, maxValue: max } = (property?.typeOptions ?? {}) as {
			minValue?: number;
			maxValue?: number;
		};
		if ((min === undefined || value >= min) && (max === undefined || value <= max)) return value;
		const range =
			min !== undefined && max !== undefined
				? `from ${min} to ${max}`
				: min !== undefined
					? `${min} or more`
					: `${max} or less`;
		throw this.error(
			`${label} must be ${range}`,
			`It is ${value}. n8n checks the range only in the editor; an expression or an AI agent gave this value.`,
		);
	}

	boolean(name: string): boolean {
		return this.raw(name, false) === true;
	}

	/** The set fields of a collection: strings trimmed, empty strings and empty lists left out. */
	fields(name: string): IDataObject {
		const collection = this.raw(name, {}) as IDataObject;
		const set: IDataObject = {};
		for (const [field, value] of Object.entries(collection ?? {})) {
			const clean = typeof value === 'string' ? value.trim() : value;
			if (clean === '' || clean === undefined || clean === null) continue;
			if (Array.isArray(clean) && clean.length === 0) continue;
			set[field] = clean;
		}
		return set;
	}

	/**
	 * A list parameter: an array (from an expression), or text split at `separator` (commas by
	 * default); entries trimmed, empty ones dropped. Kakiyo is left to judge repeats.
	 */
	list(name: string, separator: RegExp = /,/): string[] {
		const value = this.raw(name, '');
		const entries = Array.isArray(value) ? value : String(value ?? '').split(separator);
		return entries.map((entry) => String(entry ?? '').trim()).filter(Boolean);
	}

	/** The changes an update sends; an update with nothing to change fails instead of spending a credit. */
	changes(body: IDataObject, fieldsHint: string): IDataObject {
		if (Object.keys(body).length > 0) return body;
		throw this.error(
			'Nothing to update',
			`Add at least one field under Update Fields (${fieldsHint}).`,
		);
	}

	/** A JSON parameter: an object or array as given, or text parsed as JSON. */
	json<T = unknown>(name: string, value: unknown = this.raw(name)): T {
		if (typeof value !== 'string') return value as T;
		try {
			return jsonParse<T>(value);
		} catch {
			throw this.error(`${this.label(name)} is not valid JSON`, 'Check the brackets and quotes.');
		}
	}

	/** An error about this item's parameters, pointing n8n at the item. */
	error(message: string, description?: string): NodeOperationError {
		return new NodeOperationError(this.context.getNode(), message, {
			itemIndex: this.itemIndex,
			description,
		});
	}

	/** The parameter's display name ("Agent", "Chat ID"), or its name when it has none here. */
	label(name: string): string {
		return this.property(name)?.displayName ?? name.split('.').pop() ?? name;
	}

	/** The operation's parameter, or a field of one of its collections (`filters.campaignId`). */
	private property(name: string): INodeProperties | undefined {
		const leaf = name.split('.').pop() ?? name;
		return (
			this.properties.find((candidate) => candidate.name === name) ??
			this.properties
				.flatMap((candidate) => (candidate.options ?? []) as INodeProperties[])
				.find((candidate) => candidate.name === leaf)
		);
	}

	private idHint(name: string): string {
		return this.property(name)?.type === 'resourceLocator'
			? 'Pick one from the list, or give its ID (for example from an expression).'
			: 'Give the ID Kakiyo uses (for example from an expression such as {{ $json.data.chatId }}).';
	}
}
