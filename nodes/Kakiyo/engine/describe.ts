import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { Operation, Resource } from './operation';
import { simplifyProperty } from './simplify';
import { toolDescriptionProperty } from './toolDescription';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function resourceOption(resource: Resource): INodePropertyOptions {
	return { name: resource.displayName, value: resource.value };
}

function operationOption(operation: Operation): INodePropertyOptions {
	const { name, value, action, description } = operation;
	return { name, value, action, description };
}

/** Return All and Limit, for every operation that pages. */
function pagingProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** A parameter shown only when its resource and operation are selected. */
function scoped(
	resource: Resource,
	operation: Operation,
	property: INodeProperties,
): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: {
				...property.displayOptions?.show,
				resource: [resource.value],
				operation: [operation.value],
			},
		},
	};
}

/** Every parameter an operation has: its own, Return All and Limit when it pages, Simplify. */
export function ownProperties(operation: Operation): INodeProperties[] {
	return [
		...operation.properties,
		...(operation.paging ? pagingProperties() : []),
		...(operation.simplify ? [simplifyProperty(operation.simplify)] : []),
	];
}

/** An operation's parameters. */
function operationProperties(resource: Resource, operation: Operation): INodeProperties[] {
	return ownProperties(operation).map((property) => scoped(resource, operation, property));
}

/**
 * The node's parameters, built from the resource declarations: in the tool form only, the
 * operation's Description for the AI agent (where n8n's own would be); the Resource list, one
 * Operation list per resource (alphabetical, as n8n's own nodes show them), then every operation's
 * parameters.
 */
export function describeResources(
	resources: readonly Resource[],
	/** Saved workflows omit a parameter left at its default, so this never changes. */
	defaultResource: string,
): INodeProperties[] {
	const resourceList: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(resourceOption).sort(byName),
		default: defaultResource,
	};
	const operationLists: INodeProperties[] = resources.map(
		({ value, operations, defaultOperation }) => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [value] } },
			options: operations.map(operationOption).sort(byName),
			default: defaultOperation,
		}),
	);
	const toolDescriptions = resources.flatMap((resource) =>
		resource.operations.map((operation) =>
			scoped(resource, operation, toolDescriptionProperty(operation)),
		),
	);
	return [
		...toolDescriptions,
		resourceList,
		...operationLists,
		...resources.flatMap((resource) =>
			resource.operations.flatMap((operation) => operationProperties(resource, operation)),
		),
	];
}
