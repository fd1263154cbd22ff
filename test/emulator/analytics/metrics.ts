/** Counts and rates computed from a set of prospects and their chats (analytics and campaign stats). */
import type { StoredProspect } from '../state/model';

/** A percentage with two decimals, 0 when there is nothing to divide by. */
export function rate(part: number, whole: number): number {
	return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;
}

/** The prospect wrote at least one message. */
export const answered = (prospect: StoredProspect) =>
	prospect.chat.messages.some((message) => message.role === 'user');

/** Totals over prospects; chat status ≥ 1 = invited, ≥ 2 = connected (I). */
export function countProspects(prospects: StoredProspect[]) {
	const chats = prospects.map((prospect) => prospect.chat);
	return {
		totalProspects: prospects.length,
		invitationsSent: chats.filter((chat) => chat.status >= 1).length,
		connectionsMade: chats.filter((chat) => chat.status >= 2).length,
		totalMessages: chats.reduce((sum, chat) => sum + chat.messages.length, 0),
		totalAnswers: prospects.filter(answered).length,
		totalQualified: chats.filter((chat) => chat.qualification === 'qualified').length,
		totalDisqualified: chats.filter((chat) => chat.qualification === 'disqualified').length,
		pausedConversations: chats.filter((chat) => chat.paused).length,
	};
}

/** Where each conversation stands, for the documented `statusDistribution` (I mapping). */
export function statusDistribution(prospects: StoredProspect[]) {
	const distribution = { pending: 0, contacted: 0, responded: 0, qualified: 0, closed: 0 };
	for (const prospect of prospects) {
		const { chat } = prospect;
		if (chat.qualification === 'qualified') distribution.qualified += 1;
		else if (answered(prospect)) distribution.responded += 1;
		else if (chat.messages.length > 0) distribution.contacted += 1;
		else distribution.pending += 1;
	}
	return distribution;
}
