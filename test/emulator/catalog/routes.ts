/** `/v1/products`, `/v1/prompts` (list and create) and `/v1/models` (read-only). */
import type { ApiRoute } from '../apiContext';
import { created, notFound, ok, validationError } from '../http';
import { newId, nowIso } from '../ids';
import { requireText } from '../input';
import type { PromptType } from '../state/model';
import { findModel, isAcceptedPromptModel, MODELS } from './models';

const PROMPT_TYPES: PromptType[] = ['message', 'invitation'];

export function catalogRoutes(): ApiRoute[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/products',
			handle: ({ team }) => ok({ products: team.products, total: team.products.length }), // (I)
		},
		{
			method: 'POST',
			pattern: '/v1/products',
			handle: (call) => {
				const body = call.json();
				const name = requireText(body, 'name');
				const description = requireText(body, 'description');
				const now = nowIso();
				const product = { id: newId(), name, description, createdAt: now, updatedAt: now };
				call.team.products.push(product);
				return created({ ...product, message: 'Product created successfully' }); // (I)
			},
		},
		{
			method: 'GET',
			pattern: '/v1/prompts',
			handle: ({ team }) => ok({ prompts: team.prompts, total: team.prompts.length }), // (I)
		},
		{
			method: 'POST',
			pattern: '/v1/prompts',
			handle: (call) => {
				const body = call.json();
				const name = requireText(body, 'name');
				const model = requireText(body, 'model');
				if (!isAcceptedPromptModel(model)) {
					throw validationError(
						`model must be a model id from GET /models (or a legacy model_* name), not ${model}`,
					);
				}
				const type = requireText(body, 'type') as PromptType;
				if (!PROMPT_TYPES.includes(type)) {
					throw validationError(`type must be ${PROMPT_TYPES.join(' or ')}`);
				}
				const now = nowIso();
				const prompt = { id: newId(), name, model, type, createdAt: now, updatedAt: now };
				call.team.prompts.push(prompt);
				return created({ ...prompt, message: 'Prompt created successfully' }); // (I)
			},
		},
		{
			method: 'GET',
			pattern: '/v1/models',
			handle: () => ok({ models: MODELS, total: MODELS.length }),
		},
		{
			method: 'GET',
			pattern: '/v1/models/:id',
			handle: ({ params }) => {
				const model = findModel(params.id);
				if (!model) throw notFound('Model not found'); // (I)
				return ok(model);
			},
		},
	];
}
