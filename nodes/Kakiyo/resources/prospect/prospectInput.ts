import type { IDataObject } from 'n8n-workflow';
import type { ItemParameters } from '../../engine/itemParameters';

const MAX_CUSTOM_DATA = 3000;

/** Custom Data as Kakiyo takes it: at most 3,000 characters (Kakiyo would cut the rest silently). */
export function readCustomData(parameters: ItemParameters, name: string): string {
	const value = parameters.raw(name, '');
	const text = value === undefined || value === null ? '' : String(value);
	if (text.length > MAX_CUSTOM_DATA) {
		throw parameters.error(
			`Custom Data is ${text.length} characters long`,
			`Kakiyo keeps at most ${MAX_CUSTOM_DATA} characters; shorten it so nothing is cut off.`,
		);
	}
	return text;
}

/**
 * One prospect from the parameters of Add (and of Add Many per input item): name, LinkedIn URL and
 * the Additional Fields that were set, as Kakiyo takes a prospect; Prospect Fields without a name
 * are left out.
 */
export function readProspect(parameters: ItemParameters): IDataObject {
	const extra = parameters.fields('additionalFields');
	const fields = ((extra.prospectFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	const additionalFields = fields
		.map(({ fieldName, fieldValue }) => ({
			fieldName: String(fieldName ?? '').trim(),
			fieldValue: String(fieldValue ?? ''),
		}))
		.filter(({ fieldName }) => fieldName);
	return {
		name: parameters.string('name'),
		url: parameters.string('url'),
		...(additionalFields.length > 0 ? { additionalFields } : {}),
		...(extra.customData !== undefined
			? { customData: readCustomData(parameters, 'additionalFields.customData') }
			: {}),
	};
}

/**
 * The prospects of a JSON parameter: a non-empty array of objects, each with a name and a LinkedIn
 * URL, checked here so that a typo fails before it costs a credit.
 */
export function readProspects(parameters: ItemParameters, name: string): IDataObject[] {
	const value = parameters.json<unknown>(name);
	const prospects = Array.isArray(value) ? value : [];
	if (prospects.length === 0) {
		throw parameters.error(
			'Prospects must be a non-empty array',
			'Give a JSON array such as [{"name": "John Smith", "url": "https://www.linkedin.com/in/johnsmith"}].',
		);
	}
	prospects.forEach((prospect, index) => {
		const entry = prospect as IDataObject | null;
		if (!entry || typeof entry !== 'object' || !entry.name || !entry.url) {
			throw parameters.error(
				`Prospect ${index + 1} needs a "name" and a "url"`,
				'Each prospect is an object with the name and the LinkedIn profile URL of one person.',
			);
		}
	});
	return prospects as IDataObject[];
}
