import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errors.js';
import { useDesk } from '../tags/DeskContext.js';
import { useNotify } from '../ui/Toasts.js';
import './campaigns.css';

/*
 * While working through a campaign's queue: its name and progress in the top bar, and "next",
 * which opens the next article in scope not tagged yet (after this one, wrapping round).
 */

export function CampaignBar({ campaignId, articleId, onLeave }: { campaignId: number; articleId: number | null; onLeave: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const campaign = desk.campaigns?.find((c) => c.id === campaignId);
  if (!campaign) return null;

  const next = async () => {
    try {
      const item = await desk.api.nextInCampaign({ id: campaignId, after: articleId ?? undefined });
      void desk.reloadCampaigns();
      if (!item.article) notify({ kind: 'success', text: t('campaigns.allDone', { name: campaign.name }) });
      else if (item.article.id === articleId) notify({ kind: 'info', text: t('campaigns.onlyThis') });
      else desk.openArticle(item.article.id, { campaignId });
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    }
  };

  return (
    <span className="campaign-bar" data-testid="campaign-bar">
      <span className="muted">{campaign.name}</span>
      <progress value={campaign.progress.tagged} max={Math.max(1, campaign.progress.inScope)} aria-label={t('campaigns.progressLabel', { name: campaign.name })} />
      <span className="small">{t('campaigns.progress', { tagged: campaign.progress.tagged, inScope: campaign.progress.inScope })}</span>
      <button type="button" className="button button-small" onClick={() => void next()} data-testid="campaign-next-article">
        {t('campaigns.nextShort')} ›
      </button>
      <button type="button" className="icon-button" onClick={onLeave} aria-label={t('campaigns.leave')} title={t('campaigns.leave')}>
        ×
      </button>
    </span>
  );
}
