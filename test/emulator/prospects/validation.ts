/** Prospect request bodies: imports (single, batch, round robin), custom data and bulk delete. */
import { validationError } from '../http';
import { elementObject, optionalText, requireArray, requireText, type Fields } from '../input';
import type { AdditionalField } from '../state/model';

/** A prospect to import, before its campaign is known (round robin picks it later). */
export interface ProspectInput {
	name: string;
	url: string;
	additionalFields: AdditionalField[];
	customData?: string;
}

/** `POST /prospects`: the prospect fields sit beside `campaignId`. */
export function parseSingleImport(body: Fields): { campaignId: string; prospect: ProspectInput } {
	const campaignId = requireText(body, 'campaignId');
	return { campaignId, prospect: parseProspect(body, '') };
}

/** `POST /prospects/batch`. */
export function parseBatchImport(body: Fields): { campaignId: string; prospects: ProspectInput[] } {
	const campaignId = requireText(body, 'campaignId');
	return { campaignId, prospects: parseProspects(body) };
}

/** `POST /prospects/batch/round-robin`: at least two different campaigns. */
export function parseRoundRobin(body: Fields): {
	campaignIds: string[];
	prospects: ProspectInput[];
} {
	const ids = requireArray(body, 'campaignIds', 2).map((id, index) =>
		requireText({ id }, 'id', { label: `campaignIds[${index}]` }),
	);
	if (new Set(ids).size !== ids.length) {
		throw validationError('campaignIds must not name a campaign twice'); // (I)
	}
	return { campaignIds: ids, prospects: parseProspects(body) };
}

function parseProspects(body: Fields): ProspectInput[] {
	return requireArray(body, 'prospects', 1).map((element, index) =>
		parseProspect(elementObject(element, `prospects[${index}]`), `prospects[${index}].`),
	);
}

/** Name and url are required; whether the url is a LinkedIn profile is the import's business. */
function parseProspect(fields: Fields, prefix: string): ProspectInput {
	const name = requireText(fields, 'name', { label: `${prefix}name` });
	const url = requireText(fields, 'url', { label: `${prefix}url` });
	const additionalFields = parseAdditionalFields(
		fields.additionalFields,
		`${prefix}additionalFields`,
	);
	const customData = fields.customData;
	if (customData !== undefined && customData !== null && typeof customData !== 'string') {
		throw validationError(`${prefix}customData must be a string`);
	}
	return { name, url, additionalFields, ...(customData ? { customData } : {}) };
}

function parseAdditionalFields(value: unknown, label: string): AdditionalField[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value))
		throw validationError(`${label} must be an array of {fieldName, fieldValue}`);
	return value.map((element, index) => {
		const field = elementObject(element, `${label}[${index}]`);
		const fieldName = requireText(field, 'fieldName', { label: `${label}[${index}].fieldName` });
		if (typeof field.fieldValue !== 'string') {
			throw validationError(`${label}[${index}].fieldValue must be a string`);
		}
		return { fieldName, fieldValue: field.fieldValue };
	});
}

/** `PATCH /prospects/{chatId}/custom-data`: a string; `""` clears it. */
export function parseCustomData(body: Fields): string {
	const value = body.customData;
	if (value === undefined || value === null) throw validationError('customData is required');
	if (typeof value !== 'string') throw validationError('customData must be a string');
	return value;
}

/** `DELETE /prospects`: 1 to 100 prospect ids, optionally only within one campaign. */
export function parseBulkDelete(body: Fields): { prospectIds: string[]; campaignId?: string } {
	const prospectIds = requireArray(body, 'prospectIds', 1, 100).map((id, index) =>
		requireText({ id }, 'id', { label: `prospectIds[${index}]` }),
	);
	const campaignId = optionalText(body, 'campaignId');
	return { prospectIds, ...(campaignId ? { campaignId } : {}) };
}
