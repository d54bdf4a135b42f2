import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert.tsx';

type InfiniteQueryLike = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage(): unknown;
};

/** Keyset pagination's "load more": how many are shown, and a button while there are more. */
export function LoadMore({ query, count }: { query: InfiniteQueryLike; count: number }) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      {count > 0 && (
        <p role="status" className="load-more__count">
          {t('common.showingCount', { count })}
        </p>
      )}
      {query.isFetchNextPageError && <ProblemAlert error={query.error} />}
      {query.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={query.isFetchingNextPage || undefined}
          onClick={() => {
            if (!query.isFetchingNextPage) void query.fetchNextPage();
          }}
        >
          {query.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
