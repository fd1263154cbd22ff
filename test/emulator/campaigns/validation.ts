/** Campaign request bodies: name 3-100, thresholds 0-100, variables of strings. */
import { validationError } from '../http';
import {
	optionalInteger,
	optionalObject,
	requireSomeField,
	requireText,
	type Fields,
} from '../input';
import type { StoredCampaign } from '../state/model';

const NAME = { min: 3, max: 100 };

export type CampaignCreate = Pick<
	StoredCampaign,
	| 'name'
	| 'productId'
	| 'promptId'
	| 'agentId'
	| 'qualificationAutomatic'
	| 'qualificationVerification'
	| 'variables'
>;

export type CampaignUpdate = Partial<
	Pick<
		CampaignCreate,
		'name' | 'qualificationAutomatic' | 'qualificationVerification' | 'variables'
	>
>;

export function parseCampaignCreate(body: Fields): CampaignCreate {
	return {
		name: requireText(body, 'name', NAME),
		productId: requireText(body, 'productId'),
		promptId: requireText(body, 'promptId'),
		agentId: requireText(body, 'agentId'),
		// (I) defaults: those of Kakiyo's own n8n node.
		qualificationAutomatic: optionalInteger(body, 'qualificationAutomatic', 0, 100) ?? 70,
		qualificationVerification: optionalInteger(body, 'qualificationVerification', 0, 100) ?? 50,
		variables: parseVariables(body) ?? {},
	};
}

/** Only the fields present in the body: an absent field is left as it is. */
export function parseCampaignUpdate(body: Fields): CampaignUpdate {
	const fields = ['name', 'qualificationAutomatic', 'qualificationVerification', 'variables'];
	requireSomeField(body, fields);
	const update: CampaignUpdate = {};
	if (body.name !== undefined && body.name !== null) update.name = requireText(body, 'name', NAME);
	const automatic = optionalInteger(body, 'qualificationAutomatic', 0, 100);
	if (automatic !== undefined) update.qualificationAutomatic = automatic;
	const verification = optionalInteger(body, 'qualificationVerification', 0, 100);
	if (verification !== undefined) update.qualificationVerification = verification;
	const variables = parseVariables(body);
	if (variables !== undefined) update.variables = variables;
	return update;
}

function parseVariables(body: Fields): Record<string, string> | undefined {
	const variables = optionalObject(body, 'variables');
	if (!variables) return undefined;
	for (const [name, value] of Object.entries(variables)) {
		if (typeof value !== 'string') throw validationError(`variables.${name} must be a string`);
	}
	return variables as Record<string, string>;
}
