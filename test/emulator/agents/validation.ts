/** Agent request bodies: setup credentials and the settings update (docs/kakiyo-api.md#agents; sections sent only when set). */
import { validationError } from '../http';
import {
	elementObject,
	optionalObject,
	requireSomeField,
	requireText,
	type Fields,
} from '../input';
import type { AgentLimits, AgentSettings, StoredAgent, WorkingHours } from '../state/model';

export interface AgentSetup {
	login: string;
	country: string;
}

export function parseAgentSetup(body: Fields): AgentSetup {
	const login = requireText(body, 'login');
	// The password is checked, then dropped: the emulator never keeps or shows it.
	requireText(body, 'password');
	const country = requireText(body, 'country');
	if (!/^[A-Za-z]{2}$/.test(country)) {
		throw validationError('country must be a 2-letter country code such as US'); // (I)
	}
	return { login, country: country.toUpperCase() };
}

export interface AgentUpdate {
	workingHours?: Partial<Pick<WorkingHours, 'days' | 'start' | 'stop'>>;
	limits?: Partial<AgentLimits>;
	settings?: Partial<AgentSettings>;
}

const LIMIT_RANGES: Record<keyof AgentLimits, [number, number]> = {
	invitationsMin: [1, 100],
	invitationsMax: [2, 100],
	messagesMin: [1, 500],
	messagesMax: [2, 500],
};

const SETTING_KEYS: Array<keyof AgentSettings> = ['skipInNetwork', 'invitationsOnly'];

export function parseAgentUpdate(body: Fields): AgentUpdate {
	requireSomeField(body, ['workingHours', 'limits', 'settings']);
	const update: AgentUpdate = {};
	const hours = optionalObject(body, 'workingHours');
	if (hours) update.workingHours = parseWorkingHours(hours);
	const limits = optionalObject(body, 'limits');
	if (limits) update.limits = parseLimits(limits);
	if (body.settings !== undefined && body.settings !== null) {
		update.settings = parseSettings(body.settings);
	}
	return update;
}

function parseWorkingHours(hours: Fields): AgentUpdate['workingHours'] {
	const parsed: AgentUpdate['workingHours'] = {};
	if (hours.days !== undefined) {
		if (typeof hours.days !== 'string' || !/^[01](:[01]){6}$/.test(hours.days)) {
			throw validationError(
				'workingHours.days must be seven 0/1 flags from Monday to Sunday, e.g. 1:1:1:1:1:0:0',
			);
		}
		parsed.days = hours.days;
	}
	for (const field of ['start', 'stop'] as const) {
		const value = hours[field];
		if (value === undefined) continue;
		if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
			throw validationError(`workingHours.${field} must be a 24-hour time HH:MM (00:00-23:59)`);
		}
		parsed[field] = value;
	}
	if (Object.keys(parsed).length === 0) {
		throw validationError('workingHours must set at least one of days, start, stop');
	}
	return parsed;
}

function parseLimits(limits: Fields): Partial<AgentLimits> {
	const parsed: Partial<AgentLimits> = {};
	for (const [field, [min, max]] of Object.entries(LIMIT_RANGES) as Array<
		[keyof AgentLimits, [number, number]]
	>) {
		const value = limits[field];
		if (value === undefined) continue;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			throw validationError(`limits.${field} must be an integer between ${min} and ${max}`);
		}
		parsed[field] = value;
	}
	if (Object.keys(parsed).length === 0) {
		throw validationError(
			'limits must set at least one of invitationsMin, invitationsMax, messagesMin, messagesMax',
		);
	}
	return parsed;
}

function parseSettings(value: unknown): Partial<AgentSettings> {
	if (!Array.isArray(value) || value.length === 0) {
		throw validationError('settings must be a non-empty array of {key, value}');
	}
	const parsed: Partial<AgentSettings> = {};
	value.forEach((element, index) => {
		const setting = elementObject(element, `settings[${index}]`);
		const key = setting.key as keyof AgentSettings;
		if (!SETTING_KEYS.includes(key)) {
			throw validationError(`settings[${index}].key must be ${SETTING_KEYS.join(' or ')}`);
		}
		if (typeof setting.value !== 'boolean') {
			throw validationError(`settings[${index}].value must be true or false`);
		}
		parsed[key] = setting.value;
	});
	return parsed;
}

/** Applies an update after checking each minimum against its maximum, sent or stored. */
export function applyAgentUpdate(agent: StoredAgent, update: AgentUpdate): void {
	const limits = { ...agent.limits, ...update.limits };
	for (const kind of ['invitations', 'messages'] as const) {
		if (limits[`${kind}Min`] > limits[`${kind}Max`]) {
			throw validationError(`limits.${kind}Min must not be greater than limits.${kind}Max`);
		}
	}
	agent.limits = limits;
	Object.assign(agent.usage.workingHours, update.workingHours);
	Object.assign(agent.settings, update.settings);
	agent.updatedAt = new Date().toISOString();
}
