import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';
import { isNodeError } from '../../../nodes/shared/transport/nodeError';

const node: INode = {
	id: '1',
	name: 'Kakiyo',
	type: 'n8n-nodes-kakiyo.kakiyo',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('isNodeError', () => {
	it('recognises both n8n error classes', () => {
		expect(isNodeError(new NodeApiError(node, { message: 'x' }))).toBe(true);
		expect(isNodeError(new NodeOperationError(node, 'x'))).toBe(true);
	});

	it('recognises one from another copy of n8n-workflow by its shape', () => {
		// What an error built by n8n's own n8n-workflow looks like to the package's copy.
		const foreign = Object.assign(new Error('Kakiyo refused'), { context: {}, httpCode: '400' });
		expect(isNodeError(foreign)).toBe(true);
	});

	it.each([
		['a plain error', new Error('boom')],
		['an error whose context is not an object', Object.assign(new Error('x'), { context: 'x' })],
		['an object that only looks like one', { message: 'x', context: {} }],
		['undefined', undefined],
	])('rejects %s', (_case, error) => {
		expect(isNodeError(error)).toBe(false);
	});
});
