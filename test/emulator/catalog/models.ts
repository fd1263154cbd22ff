/** The six models Kakiyo's `GET /models` page documents (id, name, price per million tokens). Read-only. */
import type { KakiyoModel } from '../state/model';

const model = (
	id: string,
	name: string,
	input: number,
	output: number,
	cached: number | null,
): KakiyoModel => ({ id, name, pricing: { input, output, cached }, status: 'active' });

export const MODELS: readonly KakiyoModel[] = [
	model('67fcab2e0032f8b20363', 'Claude 4 Sonnet', 3, 15, 3.75),
	model('67fccf2900258424236f', 'Claude OPUS 4.1', 15, 75, 7.5),
	model('680321e500318611796d', 'Gemini 2.5 Flash', 0.3, 2.5, 0.15),
	model('682c0dfc0036ded6b90b', 'Gemini 2.5 Pro', 1.25, 10, null),
	model('680321aa001300a6673d', 'GPT 4.1', 2, 8, 0.5),
	model('680321c8001e2f527d82', 'GPT 5 Mini', 0.25, 2, 0.1),
];

export function findModel(id: string): KakiyoModel | undefined {
	const found = MODELS.find((entry) => entry.id === id);
	return found && structuredClone(found);
}

/** Kakiyo's own n8n node sends `model_gpt4`, `model_claude3`, `model_gpt35` (docs/kakiyo-api.md#prompt-model-and-type): still accepted. */
export function isAcceptedPromptModel(value: string): boolean {
	return MODELS.some((entry) => entry.id === value) || /^model_[a-z0-9_]+$/i.test(value);
}
