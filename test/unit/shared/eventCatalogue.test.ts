import {
	ALL_EVENTS,
	eventNames,
	KNOWN_EVENTS,
	mergeWithKnownEvents,
	parseEventList,
	toEventOptions,
} from '../../../nodes/shared/eventCatalogue';
import { EVENT_IDS, WILDCARD } from '../../emulator/events';

describe('the known catalogue', () => {
	it('holds every event the Kakiyo emulator serves (both documented vocabularies) and the wildcard', () => {
		const ids = KNOWN_EVENTS.map((event) => event.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual([WILDCARD, ...EVENT_IDS].sort());
		for (const event of KNOWN_EVENTS) {
			expect(event.name).not.toBe('');
			expect(event.description).not.toBe('');
		}
	});
});

describe('parseEventList', () => {
	const documented = [
		{
			id: 'prospect.qualified',
			name: 'Prospect Qualified',
			description: 'Triggered when a prospect is marked as qualified',
			category: 'prospect',
		},
	];

	it('reads the documented bare array', () => {
		expect(parseEventList(documented)).toEqual(documented);
	});

	it.each([{ events: documented }, { data: documented }])('reads a wrapped list %#', (wrapped) => {
		expect(parseEventList(wrapped)).toEqual(documented);
	});

	it('fills missing names and categories and skips entries without an id', () => {
		expect(
			parseEventList(['deal.won', { name: 'no id' }, { id: '' }, null, { id: 'x.y', name: '' }]),
		).toEqual([
			{ id: 'deal.won', name: 'deal.won', description: '', category: 'deal' },
			{ id: 'x.y', name: 'x.y', description: '', category: 'x' },
		]);
	});

	it('returns nothing for shapes it cannot read', () => {
		expect(parseEventList(undefined)).toEqual([]);
		expect(parseEventList('prospect.qualified')).toEqual([]);
		expect(parseEventList({ events: 'all' })).toEqual([]);
	});
});

describe('mergeWithKnownEvents', () => {
	it('adds new events from the API, keeps the known ones, and puts All Events first', () => {
		const merged = mergeWithKnownEvents([
			{ id: 'deal.won', name: 'Deal Won', description: 'A deal was won', category: 'deal' },
		]);
		expect(merged[0].id).toBe(ALL_EVENTS);
		expect(merged).toHaveLength(KNOWN_EVENTS.length + 1);
		expect(merged.find((event) => event.id === 'deal.won')?.name).toBe('Deal Won');
		const names = merged.slice(1).map((event) => event.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it("prefers the API's wording but keeps a known name over a bare id", () => {
		const merged = mergeWithKnownEvents([
			{
				id: 'message.sent',
				name: 'Message Delivered',
				description: 'New text',
				category: 'message',
			},
			{ id: 'campaign.completed', name: 'campaign.completed', description: '', category: '' },
		]);
		expect(merged.find((event) => event.id === 'message.sent')).toEqual({
			id: 'message.sent',
			name: 'Message Delivered',
			description: 'New text',
			category: 'message',
		});
		expect(merged.find((event) => event.id === 'campaign.completed')).toEqual(
			KNOWN_EVENTS.find((event) => event.id === 'campaign.completed'),
		);
	});
});

describe('toEventOptions', () => {
	it('shows each event with its id and the wildcard as All Events', () => {
		const options = toEventOptions(KNOWN_EVENTS);
		expect(options[0]).toEqual({ name: 'All Events', value: '*', description: expect.any(String) });
		expect(options).toContainEqual({
			name: 'LinkedIn Message Received (linkedin.message.received)',
			value: 'linkedin.message.received',
			description: 'A prospect replied on LinkedIn',
		});
	});
});

describe('eventNames', () => {
	it.each([
		[
			['a', ' b ', 'a', ''],
			['a', 'b'],
		],
		['a, b,,a', ['a', 'b']],
		['*', ['*']],
		['', []],
		[undefined, []],
		[42, []],
	])('%p → %p', (value, expected) => {
		expect(eventNames(value)).toEqual(expected);
	});
});
