import type { CampaignProgress } from '../../../app/tags/campaigns.js';

/** A campaign's progress as a whole percentage (0 when nothing is in scope; 100 only when all is done). */
export function campaignPercent(progress: CampaignProgress): number {
  if (progress.inScope <= 0) return 0;
  if (progress.tagged >= progress.inScope) return 100;
  return Math.min(99, Math.floor((progress.tagged / progress.inScope) * 100));
}
