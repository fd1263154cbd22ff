import { unlessDataObject } from '../../../shared/answerCheck';
import type { Operation } from '../../engine/operation';
import { dncData } from '../../engine/outputs';
import { profileUrl } from './parameters';

export const operation: Operation = {
	name: 'Add',
	value: 'create',
	action: 'Add a profile to the Do Not Contact list',
	description:
		'Put a LinkedIn profile on the Do Not Contact list so no agent contacts it (an error if already there)',
	effect: { undo: 'Remove' },
	properties: [profileUrl],
	method: 'POST',
	path: '/dnc',
	body: (parameters) => ({ url: parameters.string('url') }),
	// Every Do Not Contact answer is the `{error, data, message?}` envelope.
	refuse: unlessDataObject,
	output: dncData,
};
