import { RefusalLog } from '../../../nodes/KakiyoTrigger/refusalLog';

describe('RefusalLog', () => {
	it('reports the first refusal at once, then the tally by reason once a minute', () => {
		const log = new RefusalLog();
		expect(log.record('wf', 'missing_header', 0)?.message).toBe(
			'Kakiyo Trigger refused a delivery (missing_header). They carried no valid X-Kakiyo-Signature header, so they did not come from Kakiyo. Further refusals are counted and reported at most once a minute.',
		);
		expect(log.record('wf', 'missing_header', 10_000)).toBeUndefined();
		expect(log.record('wf', 'missing_secret', 20_000)).toBeUndefined();
		const report = log.record('wf', 'malformed_header', 60_000);
		expect(report).toEqual({
			message: expect.stringMatching(
				/^Kakiyo Trigger refused 3 deliveries in the last 60 s \(missing_header: 1, missing_secret: 1, malformed_header: 1\)\. No signing secret is stored/,
			),
			refused: 3,
			reasons: { missing_header: 1, missing_secret: 1, malformed_header: 1 },
		});
	});

	it('starts a new minute from each report', () => {
		const log = new RefusalLog();
		log.record('wf', 'mismatch', 0);
		log.record('wf', 'mismatch', 70_000);
		expect(log.record('wf', 'mismatch', 100_000)).toBeUndefined();
		expect(log.record('wf', 'mismatch', 130_000)?.message).toMatch(
			/^Kakiyo Trigger refused 2 deliveries in the last 60 s \(mismatch: 2\)/,
		);
	});

	it('counts replays on their own, with their own words, in the same bound', () => {
		const log = new RefusalLog();
		log.record('wf', 'mismatch', 0);
		expect(log.record('wf', 'duplicate', 1_000)?.message).toMatch(
			/^Kakiyo Trigger ignored a delivery it had already accepted\. A repeat is Kakiyo sending again/,
		);
		expect(log.record('wf', 'timestamp_stale', 2_000)).toBeUndefined();
		expect(log.record('wf', 'timestamp_future', 61_000)).toEqual({
			message: expect.stringMatching(
				/^Kakiyo Trigger ignored 2 deliveries in the last 60 s \(timestamp_stale: 1, timestamp_future: 1\)\. A timestamp outside the window/,
			),
			refused: 2,
			reasons: { timestamp_stale: 1, timestamp_future: 1 },
		});
	});
});
