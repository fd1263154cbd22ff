import { useRig } from '../rig';
import { deliveryKit } from './deliveryKit';

/** The Include Headers option: request headers beside the payload, never over one of its fields. */

const rig = useRig();
const { listening, onlyItem, fresh } = deliveryKit(rig);

describe('include headers', () => {
	it('adds the request headers beside the untouched payload', async () => {
		await listening({ options: { includeHeaders: true } });
		await rig.emulator.emit('linkedin.message.received');
		const [attempt] = rig.emulator.deliveries();
		const { headers, ...payload } = onlyItem();
		expect(payload).toEqual(JSON.parse(attempt.body));
		expect(headers).toMatchObject({
			'content-type': 'application/json',
			'user-agent': 'Kakiyo-Webhooks/1.0',
		});
		// Never the signature: see replayDefault.test.ts.
		expect(headers).not.toHaveProperty('x-kakiyo-signature');
	});

	it('leaves them out by default', async () => {
		await listening();
		await rig.emulator.emit('linkedin.message.received');
		expect(onlyItem()).not.toHaveProperty('headers');
	});

	it('keeps a payload field called "headers" and puts the request headers beside it', async () => {
		await listening({ options: { includeHeaders: true } });
		await rig.emulator.emit(
			'linkedin.message.received',
			fresh('linkedin.message.received', { headers: 'theirs' }),
		);
		const item = onlyItem();
		expect(item.headers).toBe('theirs');
		expect(item.requestHeaders).toMatchObject({ 'content-type': 'application/json' });
	});

	it('keeps payload fields called "headers" and "requestHeaders" too, and finds a free name', async () => {
		await listening({ options: { includeHeaders: true } });
		const payload = fresh('linkedin.message.received', {
			headers: 'theirs',
			requestHeaders: 'also theirs',
		});
		await rig.emulator.emit('linkedin.message.received', payload);
		const { requestHeaders_2: headers, ...item } = onlyItem();
		expect(item).toEqual(payload);
		expect(headers).toMatchObject({ 'content-type': 'application/json' });
	});
});
