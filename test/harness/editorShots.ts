/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only dev tool: names the PNG files it writes */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

/** The workflows the pictures show, made by the caller (see screenshots.ts). */
export interface ShotWorkflows {
	/** An inactive workflow with a Kakiyo Trigger. */
	trigger: { id: string; node: string };
	/** A workflow with a Kakiyo node. */
	action: { id: string; node: string };
	/** A finished, successful execution. */
	execution: { workflowId: string; id: string };
	/** A workflow never run, with a node after a Kakiyo node: its input shows the schema preview. */
	schemaPreview: { id: string; node: string };
}

type Clip = { x: number; y: number; width: number; height: number };

const VIEWPORT = { width: 1440, height: 900 };

/** The editor's dropdowns show all their options rather than a scrolled part of them. */
const FULL_DROPDOWNS = '.el-select-dropdown__wrap { max-height: none !important; }';

/**
 * Opens a workflow in the editor and waits for its canvas; closes the "Production Checklist" card
 * n8n 2.x pins over published workflows.
 */
async function openWorkflow(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await page.addStyleTag({ content: FULL_DROPDOWNS });
	const checklist = page.locator('[data-test-id="suggested-actions-close"]');
	if (await checklist.isVisible({ timeout: 2000 }).catch(() => false)) await checklist.click();
	// Let the canvas finish its fit-to-view animation.
	await page.waitForTimeout(500);
}

async function openNode(page: Page, name: string): Promise<void> {
	await page.locator('[data-test-id="canvas-node"]', { hasText: name }).first().dblclick();
	await page.locator('[data-test-id="node-parameters"]').waitFor();
	await page.waitForTimeout(500);
}

/** Opens a parameter's dropdown; returns a clip from the parameters column's top to the list's end. */
async function openDropdown(page: Page, parameter: string): Promise<Clip> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	await page.locator('.el-select-dropdown__item:visible').first().waitFor();
	await page.waitForTimeout(400);
	const column = await page.locator('[data-test-id="node-parameters"]').boundingBox();
	const list = await page.locator('.el-select-dropdown:visible').last().boundingBox();
	if (!column || !list) throw new Error(`The ${parameter} list did not open`);
	const left = column.x - 16;
	const top = 25;
	return {
		x: left,
		y: top,
		width: Math.max(column.x + column.width, list.x + list.width) - left + 16,
		height: list.y + list.height - top + 16,
	};
}

/** Takes the editor pictures into `outDir`; returns the files written. */
export async function takeEditorShots(
	page: Page,
	baseUrl: string,
	workflows: ShotWorkflows,
	outDir: string,
): Promise<string[]> {
	const files: string[] = [];
	const shot = async (name: string, clip?: Clip) => {
		const file = join(outDir, `${name}.png`);
		await page.screenshot({ path: file, clip });
		files.push(file);
	};
	await page.setViewportSize(VIEWPORT);

	// The node panel: search for "Kakiyo" next to a Kakiyo Trigger, then open the result.
	await openWorkflow(page, `${baseUrl}/workflow/${workflows.trigger.id}`);
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	await page.keyboard.type('Kakiyo');
	const result = page.locator('[data-test-id="node-creator-item-name"]').first();
	await result.waitFor();
	await page.waitForTimeout(400);
	await shot('node-panel-search', { x: 560, y: 0, width: 880, height: 560 });
	await result.click();
	await page.getByText('Actions (').first().waitFor();
	await page.waitForTimeout(400);
	await shot('node-panel-actions', { x: 1055, y: 0, width: 385, height: 900 });

	// The trigger's parameters, with its panel and the help that says when it runs.
	await openWorkflow(page, `${baseUrl}/workflow/${workflows.trigger.id}`);
	await openNode(page, workflows.trigger.node);
	await page.getByText('When will this node trigger my flow?').click();
	await page.waitForTimeout(400);
	await shot('trigger-parameters', { x: 25, y: 25, width: 905, height: 850 });

	// The action node's resource list, then the operations of one resource.
	await openWorkflow(page, `${baseUrl}/workflow/${workflows.action.id}`);
	await openNode(page, workflows.action.node);
	await shot('action-resources', await openDropdown(page, 'resource'));
	await page.keyboard.press('Escape');
	// The operation list with descriptions is taller than the usual window.
	await page.setViewportSize({ width: VIEWPORT.width, height: 1300 });
	await shot('action-operations', await openDropdown(page, 'operation'));
	await page.setViewportSize(VIEWPORT);

	// Before any run, the node after a Kakiyo node shows the fields Kakiyo will output (the
	// operation's output schema) in its input's schema view, ready to drag into a parameter.
	await openWorkflow(page, `${baseUrl}/workflow/${workflows.schemaPreview.id}`);
	await openNode(page, workflows.schemaPreview.node);
	const input = page.locator('[data-test-id="ndv-input-panel"]');
	const schemaMode = input.locator('[data-test-id="radio-button-schema"]');
	if (await schemaMode.isVisible({ timeout: 2000 }).catch(() => false)) await schemaMode.click();
	await input.locator('[data-test-id="run-data-schema-item"]').first().waitFor();
	await page.waitForTimeout(600);
	await shot('schema-preview');

	// A finished execution: the executions list and the run, every node ticked.
	const { workflowId, id } = workflows.execution;
	await page.goto(`${baseUrl}/workflow/${workflowId}/executions/${id}`);
	await page.locator(`[data-test-id="execution-preview-details-${id}"]`).waitFor();
	const checklist = page.locator('[data-test-id="suggested-actions-close"]');
	if (await checklist.isVisible({ timeout: 2000 }).catch(() => false)) await checklist.click();
	await page.waitForTimeout(2500);
	await shot('finished-execution');

	return files;
}
