import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from '../../engine/itemParameters';
import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A daily limit with Kakiyo's documented range. No source gives Kakiyo's own defaults; these are a
 * modest day around Kakiyo's usage example (15 invitations and 25 messages a day), min below max.
 */
const limit = (
	name: string,
	displayName: string,
	what: string,
	[min, max]: [number, number],
	byDefault: number,
): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: min, maxValue: max },
	default: byDefault,
	description: `${what} the agent sends a day, ${min} to ${max}; each day it picks a number between the minimum and the maximum`,
});

const time = (
	name: string,
	displayName: string,
	when: string,
	example: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: `e.g. ${example}`,
	description: `When the agent's working day ${when}: 24-hour HH:MM in the agent's time zone`,
});

const setting = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

/** Seven 0/1 flags, Monday first, as Kakiyo wants them: "1:1:1:1:1:0:0". */
function workingDays(parameters: ItemParameters, value: unknown): string {
	if (typeof value === 'string' && /^[01](:[01]){6}$/.test(value.trim())) return value.trim();
	const days = Array.isArray(value) ? value.map(String) : [];
	const unknown = days.filter((day) => !WEEKDAYS.includes(day));
	if (!Array.isArray(value) || unknown.length > 0) {
		throw parameters.error(
			'Working Days must be weekday names',
			'Choose the days in the list, or give a text of seven 0/1 flags from Monday, such as 1:1:1:1:1:0:0.',
		);
	}
	return WEEKDAYS.map((day) => (days.includes(day) ? '1' : '0')).join(':');
}

/**
 * Kakiyo's update takes three optional sections; a section is sent only when one of its fields was
 * added, and then with only the fields that were, so the agent keeps every other setting.
 */
function readChanges(parameters: ItemParameters): IDataObject {
	const fields = parameters.fields('updateFields');
	const body: IDataObject = {};

	const hours: IDataObject = {};
	if (fields.days !== undefined) hours.days = workingDays(parameters, fields.days);
	for (const name of ['start', 'stop'] as const) {
		if (fields[name] === undefined) continue;
		const value = String(fields[name]);
		if (!TIME.test(value)) {
			throw parameters.error(
				`${parameters.label(`updateFields.${name}`)} must be HH:MM`,
				'Use a 24-hour time from 00:00 to 23:59, for example 09:00 or 17:30.',
			);
		}
		hours[name] = value;
	}
	if (Object.keys(hours).length > 0) body.workingHours = hours;

	const limits: IDataObject = {};
	for (const name of ['invitationsMin', 'invitationsMax', 'messagesMin', 'messagesMax']) {
		if (fields[name] !== undefined) limits[name] = fields[name];
	}
	if (Object.keys(limits).length > 0) body.limits = limits;

	const settings = ['skipInNetwork', 'invitationsOnly']
		.filter((key) => typeof fields[key] === 'boolean')
		.map((key) => ({ key, value: fields[key] as boolean }));
	if (settings.length > 0) body.settings = settings;

	return parameters.changes(body, 'working days or hours, daily limits, or a setting');
}

export const operation: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update an agent',
	description:
		"Change an agent's working hours, daily limits or settings; only the fields added change",
	effect: { undo: 'an Update with the previous values' },
	properties: [
		agentLocator,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				limit('invitationsMax', 'Invitations Max', 'The most invitations', [2, 100], 20),
				limit('invitationsMin', 'Invitations Min', 'The fewest invitations', [1, 100], 10),
				setting(
					'invitationsOnly',
					'Invitations Only',
					'Whether the agent only sends connection invitations, without follow-up messages',
				),
				limit('messagesMax', 'Messages Max', 'The most messages', [2, 500], 40),
				limit('messagesMin', 'Messages Min', 'The fewest messages', [1, 500], 20),
				setting(
					'skipInNetwork',
					'Skip In-Network Prospects',
					'Whether the agent skips prospects who are already LinkedIn connections',
				),
				{
					displayName: 'Working Days',
					name: 'days',
					type: 'multiOptions',
					options: WEEKDAYS.map((day) => ({ name: day, value: day })),
					default: [],
					description:
						'The days the agent works; from an expression, also seven 0/1 flags from Monday such as 1:1:1:1:1:0:0',
				},
				time('start', 'Working Hours Start', 'starts', '09:00'),
				time('stop', 'Working Hours Stop', 'ends', '17:00'),
			],
		},
	],
	method: 'PUT',
	path: '/agents/{agentId}',
	body: readChanges,
};
