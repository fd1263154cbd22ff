/** Campaigns: the status machine (active ⇄ paused; completed is final) and delete's rule. */
import { conflict } from '../http';
import { nowIso } from '../ids';
import type { CampaignStatus, StoredCampaign } from '../state/model';

function setStatus(campaign: StoredCampaign, status: CampaignStatus): void {
	campaign.status = status;
	campaign.updatedAt = nowIso();
}

function invalidStatus(campaign: StoredCampaign, message: string) {
	return conflict('invalid_status', message, { currentStatus: campaign.status }); // (I)
}

/** Pausing a paused campaign changes nothing and still succeeds (I). */
export function pauseCampaign(campaign: StoredCampaign): void {
	if (campaign.status === 'paused') return;
	if (campaign.status !== 'active') {
		throw invalidStatus(campaign, 'Campaign can only be paused when status is active'); // (I)
	}
	setStatus(campaign, 'paused');
}

export function resumeCampaign(campaign: StoredCampaign): void {
	if (campaign.status === 'active') return;
	if (campaign.status !== 'paused') {
		throw invalidStatus(campaign, 'Campaign can only be resumed when status is paused'); // (I)
	}
	setStatus(campaign, 'active');
}

/** Documented: an active campaign cannot be deleted. */
export function checkCampaignDeletable(campaign: StoredCampaign): void {
	if (campaign.status === 'active') {
		throw conflict(
			'campaign_active',
			'Cannot delete active campaign. Please pause the campaign first.',
		);
	}
}

export function forceCampaignStatus(campaign: StoredCampaign, status: CampaignStatus): void {
	setStatus(campaign, status);
}
