import { pairByKey, profileKey } from '../../../nodes/shared/profileUrl';
import { normaliseProfileUrl } from '../../emulator/linkedinUrl';

/**
 * The node's own reading of LinkedIn profile URLs, to find its entry in a batch answer: Kakiyo's
 * documented normalisation (protocol, case, trailing slash; `in/x` is `linkedin.com/in/x`), and the
 * emulator's stored form of the same URL always meets it.
 */
const SAME_PERSON = [
	'https://linkedin.com/in/johnsmith',
	'https://www.linkedin.com/in/johnsmith/',
	'linkedin.com/in/johnsmith',
	'in/johnsmith',
	'/in/johnsmith',
	'  HTTPS://WWW.LinkedIn.com/in/JohnSmith//  ',
	'http://uk.linkedin.com/in/johnsmith?trk=public_profile#about',
];

describe('profileKey', () => {
	it.each(SAME_PERSON)('reads %j as the same profile', (url) => {
		expect(profileKey(url)).toBe('linkedin.com/in/johnsmith');
	});

	it.each(SAME_PERSON)("meets the emulator's stored form of %j", (url) => {
		expect(profileKey(normaliseProfileUrl(url) ?? '')).toBe(profileKey(url));
	});

	it('keeps different profiles apart, and text that is no profile as it was, lower-cased', () => {
		expect(profileKey('in/john-smith')).not.toBe(profileKey('in/johnsmith'));
		expect(profileKey('linkedin.com/company/acme')).toBe('linkedin.com/company/acme');
		expect(profileKey('https://Example.com/Ana/')).toBe('example.com/ana');
		expect(profileKey('')).toBe('');
	});
});

describe('pairByKey', () => {
	const keyOf = (entry: { key?: string }) => entry.key;

	it('gives each sent value the first answered entry with its key that no earlier value took', () => {
		const answered = [{ key: 'b', n: 1 }, { key: 'a', n: 2 }, { key: 'a', n: 3 }, { n: 4 }];
		expect(pairByKey(['a', 'a', 'b', 'a', 'c'], answered, keyOf)).toEqual([
			answered[1],
			answered[2],
			answered[0],
			undefined,
			undefined,
		]);
	});
});
