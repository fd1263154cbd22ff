import { unlessDataObject } from '../../../shared/answerCheck';
import type { Operation } from '../../engine/operation';
import { dncData } from '../../engine/outputs';
import { profileUrl } from './parameters';

export const operation: Operation = {
	name: 'Check',
	value: 'check',
	action: 'Check a profile against the Do Not Contact list',
	description:
		'Tell whether a LinkedIn profile is on the Do Not Contact list: outputs onList, and the entry when it is',
	effect: 'read',
	properties: [profileUrl],
	method: 'GET',
	path: '/dnc/check',
	qs: (parameters) => ({ url: parameters.string('url') }),
	// Every Do Not Contact answer is the `{error, data, message?}` envelope.
	refuse: unlessDataObject,
	output: dncData,
};
