import { useEmulator } from '../support/emulator';
import { clientsOf, ISO_TIME } from './testKit';

// The six documented models, written out here rather than imported.
const DOCUMENTED_MODELS = [
	['67fcab2e0032f8b20363', 'Claude 4 Sonnet', 3, 15, 3.75],
	['67fccf2900258424236f', 'Claude OPUS 4.1', 15, 75, 7.5],
	['680321e500318611796d', 'Gemini 2.5 Flash', 0.3, 2.5, 0.15],
	['682c0dfc0036ded6b90b', 'Gemini 2.5 Pro', 1.25, 10, null],
	['680321aa001300a6673d', 'GPT 4.1', 2, 8, 0.5],
	['680321c8001e2f527d82', 'GPT 5 Mini', 0.25, 2, 0.1],
].map(([id, name, input, output, cached]) => ({
	id,
	name,
	pricing: { input, output, cached },
	status: 'active',
}));

const emulator = useEmulator();
const { api } = clientsOf(() => emulator);
const post = (path: string, body: unknown) => api(path, { method: 'POST', body });
const expectValidation = async (path: string, body: unknown, message: RegExp) => {
	const reply = await post(path, body);
	expect([reply.status, reply.json]).toEqual([
		400,
		{ error: 'validation_error', message: expect.stringMatching(message) },
	]);
};

describe('products', () => {
	it('creates with 201 and lists as {products, total}', async () => {
		const reply = await post('/products', { name: 'Pilot', description: 'Line one\nLine two' });
		expect([reply.status, reply.json]).toEqual([
			201,
			{
				id: expect.stringMatching(/^[0-9a-f]{20}$/),
				name: 'Pilot',
				description: 'Line one\nLine two',
				createdAt: expect.stringMatching(ISO_TIME),
				updatedAt: expect.stringMatching(ISO_TIME),
				message: 'Product created successfully',
			},
		]);
		const list = await api('/products');
		expect(list.json.total).toBe(2);
		expect(list.json.products[1]).toEqual({ ...reply.json, message: undefined });
	});

	it.each([
		[{ description: 'd' }, /name is required/],
		[{ name: 'n' }, /description is required/],
		[{ name: '   ', description: 'd' }, /name must not be empty/],
		[{ name: 'n', description: 5 }, /description must be a string/],
	])('refuses %j', async (body, message) => {
		await expectValidation('/products', body, message);
	});
});

describe('prompts', () => {
	it.each([
		['a model id from /models', '680321c8001e2f527d82'],
		["the legacy name Kakiyo's node sends", 'model_claude3'],
	])('creates with %s', async (_case, model) => {
		const reply = await post('/prompts', { name: 'Opener', model, type: 'invitation' });
		expect([reply.status, reply.json]).toEqual([
			201,
			{
				id: expect.stringMatching(/^[0-9a-f]{20}$/),
				name: 'Opener',
				model,
				type: 'invitation',
				createdAt: expect.stringMatching(ISO_TIME),
				updatedAt: expect.stringMatching(ISO_TIME),
				message: 'Prompt created successfully',
			},
		]);
		expect((await api('/prompts')).json).toMatchObject({ total: 2 });
	});

	it.each([
		[{ model: 'model_gpt4', type: 'message' }, /name is required/],
		[{ name: 'p', type: 'message' }, /model is required/],
		[{ name: 'p', model: 'gpt-4o', type: 'message' }, /model must be a model id .*gpt-4o/],
		[{ name: 'p', model: 'model_gpt4' }, /type is required/],
		[{ name: 'p', model: 'model_gpt4', type: 'email' }, /type must be message or invitation/],
	])('refuses %j', async (body, message) => {
		await expectValidation('/prompts', body, message);
	});
});

describe('models (read-only)', () => {
	it('lists the six documented models as {models, total}', async () => {
		expect((await api('/models')).json).toEqual({ models: DOCUMENTED_MODELS, total: 6 });
	});

	it('gets one; an unknown id is 404', async () => {
		expect((await api('/models/680321aa001300a6673d')).json).toEqual(DOCUMENTED_MODELS[4]);
		const missing = await api('/models/0123456789abcdef0123');
		expect([missing.status, missing.json]).toEqual([
			404,
			{ error: 'not_found', message: 'Model not found' },
		]);
	});

	it('has no create route', async () => {
		expect((await post('/models', { name: 'x' })).status).toBe(404);
	});
});
